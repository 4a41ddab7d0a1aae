import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import type { OutputUnit } from '../../lib/synth/write-output';
import { LADING, MODEL, readTree, ROOT } from '../support/run-cli';

/**
 * Synths killed at random moments (SIGKILL, the swap slowed down by LADING_TEST_SLOW_SWAP_MS so that kills land
 * inside it) never leave an output folder that is neither the output before nor the output after, and the next
 * synth always succeeds and removes what the killed one left.
 */

const CHILD = path.join(__dirname, 'support', 'write-child.ts');
const REGISTER = path.join(ROOT, 'bin', 'register.js');

/** Three outputs of one app, each replacing the same three whole units; the third has no graph. */
const VERSIONS: ReadonlyArray<readonly OutputUnit[]> = [0, 1, 2].map((v) => [
  { path: 'compose', files: [{ path: 'compose/hello/compose.yaml', content: `services: {web: {image: nginx:1.2${v}}}\n` }, ...(v === 1 ? [{ path: 'compose/extra/compose.yaml', content: 'services: {}\n' }] : [])] },
  { path: 'docker', files: [{ path: 'docker/hello.sh', content: `#!/bin/sh\ndocker run nginx:1.2${v}\n` }] },
  { path: 'graph', files: v === 2 ? [] : [{ path: 'graph/hello.md', content: `graph ${v}\n` }] },
]);

const expectedTree = (units: readonly OutputUnit[]) =>
  Object.fromEntries(units.flatMap((u) => u.files.map((f) => [path.join(...f.path.split('/')), f.content] as [string, string])).sort());

interface Outcome {
  readonly finished: boolean;
}

/** Kills the child `ms` after it started. */
function killAfter(child: ChildProcess, ms: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (d) => (out += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ finished: out.includes('written') || /^\d+ apps?, \d+ targets?, \d+ files?; /m.test(out) });
    });
  });
}

/** A write-child that has loaded everything and waits for `go`. */
interface ReadyChild {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  out: string;
}

function startChild(out: string, unitsFile: string, work: string): ReadyChild {
  const child = spawn(process.execPath, ['-r', REGISTER, CHILD, out, unitsFile, work], {
    cwd: work,
    env: { ...process.env, LADING_TEST_SLOW_SWAP_MS: '20' },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const started: ReadyChild = { child, out: '', ready: Promise.resolve() };
  (started as { ready: Promise<void> }).ready = new Promise((resolve) => {
    child.stdout?.on('data', (d) => {
      started.out += String(d);
      if (started.out.includes('ready')) resolve();
    });
    child.on('close', () => resolve());
  });
  return started;
}

/** Tells a ready child to write and kills it `ms` later. */
function goThenKill(started: ReadyChild, ms: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const { child } = started;
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ finished: started.out.includes('written') });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.write('go\n');
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  });
}

/** What the state folder holds besides the marker, the current link and at most two generations. */
function leftovers(out: string): string[] {
  const state = path.join(out, '.lading');
  if (!fs.existsSync(state)) return [];
  return fs.readdirSync(state).filter((n) => !['marker', 'current'].includes(n));
}

describe('SIGKILL during a synth', () => {
  test('GIVEN 200 writes killed at random moments after they loaded WHEN the output is read after each THEN it is the old or the new output whole', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-kill-'));
    const out = path.join(work, 'dist');
    const unitFiles = VERSIONS.map((units, i) => {
      const file = path.join(work, `units-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(units));
      return file;
    });
    let killedInside = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ version: fc.integer({ min: 0, max: 2 }), killAfterMs: fc.integer({ min: 0, max: 200 }) }), { minLength: 200, maxLength: 200 }), async (steps) => {
        let shown: Record<string, string> = {};
        // the next child loads while the current one runs, so a run costs the write, not a process start
        let next = startChild(out, unitFiles[steps[0].version], work);
        for (const [i, step] of steps.entries()) {
          const current = next;
          await current.ready;
          if (i + 1 < steps.length) next = startChild(out, unitFiles[steps[i + 1].version], work);
          const outcome = await goThenKill(current, step.killAfterMs);
          const now = readTree(out);
          const expected = expectedTree(VERSIONS[step.version]);
          if (!outcome.finished && leftovers(out).some((n) => n.startsWith('lock') || n.startsWith('current.'))) killedInside++;
          expect([shown, expected]).toContainEqual(now);
          if (outcome.finished) expect(now).toEqual(expected);
          shown = now;
        }
      }),
      { numRuns: 1 },
    );
    // the kills did land inside the write, not only before or after it
    expect(killedInside).toBeGreaterThanOrEqual(20);
    // and one more write removes every leftover: a stale lock, staging generations, half-made links
    const last = startChild(out, unitFiles[0], work);
    await last.ready;
    expect(await goThenKill(last, 60_000)).toEqual({ finished: true });
    expect(readTree(out)).toEqual(expectedTree(VERSIONS[0]));
    expect(leftovers(out).filter((n) => !n.startsWith('g-'))).toEqual([]);
    expect(leftovers(out).length).toBeLessThanOrEqual(2);
    expect(fs.readdirSync(work).sort()).toEqual(['dist', 'units-0.json', 'units-1.json', 'units-2.json']);
  }, 240_000);

  test('GIVEN lading synth itself killed at random moments WHEN dist is read after each THEN it is the old or the new output whole', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-kill-cli-'));
    const trees: Array<Record<string, string>> = [];
    for (const tag of ['1.26', '1.27']) {
      const apps = path.join(work, `apps-${tag}`);
      fs.mkdirSync(apps);
      fs.writeFileSync(path.join(apps, 'hello.ts'), `import { Image, Service, System } from ${MODEL};\nconst app = new System('hello');\nnew Service(app, 'web', { image: Image.of('nginx:${tag}') });\nexport default app;\n`);
    }
    const synth = (tag: string, killMs: number) =>
      killAfter(
        spawn(process.execPath, [LADING, 'synth', '--target', 'compose', 'docker', '--apps-dir', `apps-${tag}`], {
          cwd: work,
          env: { ...process.env, LADING_TEST_SLOW_SWAP_MS: '40' },
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
        killMs,
      );
    let slowest = 0;
    for (const tag of ['1.26', '1.27']) {
      const started = Date.now();
      expect(await synth(tag, 60_000)).toEqual({ finished: true });
      slowest = Math.max(slowest, Date.now() - started);
      trees.push(readTree(path.join(work, 'dist')));
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ tag: fc.constantFrom('1.26', '1.27'), share: fc.double({ min: 0.3, max: 1.1, noNaN: true }) }), { minLength: 8, maxLength: 8 }), async (steps) => {
        for (const step of steps) {
          await synth(step.tag, Math.round(step.share * slowest));
          expect(trees).toContainEqual(readTree(path.join(work, 'dist')));
        }
      }),
      { numRuns: 1 },
    );
  }, 240_000);
});
