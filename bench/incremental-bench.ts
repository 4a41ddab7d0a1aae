import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Timed } from './import-bench';

/** What the incremental benchmark needs of bench/run.ts. */
export interface IncrementalBenchTools {
  /** `node bin/lading.js ...args` under /usr/bin/time, with these variables. */
  readonly lading: (args: readonly string[], env: Record<string, string>) => Timed;
  readonly median: (xs: readonly number[]) => number;
  readonly scratch: string;
  readonly reps: number;
  readonly log: (s: string) => void;
}

const HEADING = '## Incremental synth, worker threads and the render cache (issue 22)';
const CHANGED = 'hello';

/**
 * `lading synth` on a copy of the examples (all targets, whole process): cold in one thread, cold with worker
 * threads, re-synth with nothing changed (every app from the render cache), re-synth after a change of one app,
 * and that one app alone, cold. Returns the section of bench/RESULTS.md.
 */
export function incrementalBench(t: IncrementalBenchTools, root: string): string[] {
  const apps = path.join(t.scratch, 'incremental-apps');
  fs.mkdirSync(apps, { recursive: true });
  for (const file of fs.readdirSync(path.join(root, 'apps')).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, 'apps', file), 'utf8').split("'../lib/model'").join(JSON.stringify(path.join(root, 'lib', 'model')));
    fs.writeFileSync(path.join(apps, file), source);
  }
  const changing = path.join(apps, `${CHANGED}.ts`);
  const original = fs.readFileSync(changing, 'utf8');
  const out = path.join(t.scratch, 'incremental-out');
  const cache = path.join(t.scratch, 'incremental-cache');
  const synth = (env: Record<string, string>, extra: readonly string[] = []) => t.lading(['synth', '--apps-dir', apps, '--out', out, ...extra], env);
  const timed = (what: string, once: (rep: number) => Timed) => {
    const walls = Array.from({ length: t.reps }, (_, rep) => once(rep).wall);
    t.log(`incremental: ${what}: ${walls.map((w) => w.toFixed(2)).join(', ')} s`);
    return t.median(walls);
  };
  const serial = timed('cold, one thread', () => synth({ LADING_CACHE: '0', LADING_WORKERS: '1' }));
  const threads = String(os.availableParallelism());
  const parallel = timed('cold, worker threads', () => synth({ LADING_CACHE: '0', LADING_WORKERS: threads }));
  const cold = Math.min(serial, parallel);
  synth({ LADING_CACHE: cache });
  const warm = timed('nothing changed', () => synth({ LADING_CACHE: cache }));
  const oneChanged = timed(`${CHANGED} changed`, (rep) => {
    fs.writeFileSync(changing, original.replace('sleep 3', `sleep ${rep + 10}`));
    return synth({ LADING_CACHE: cache });
  });
  fs.writeFileSync(changing, original);
  const alone = timed(`${CHANGED} alone, cold`, () => synth({ LADING_CACHE: '0' }, ['--app', CHANGED]));
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  return [
    HEADING,
    '',
    `\`node bin/lading.js synth\` on a copy of the seven examples, every target (graphs included), as whole processes; ${t.reps} runs each, medians; ${os.availableParallelism()} cores. The machine was shared and under load (other people's builds and tests) while this ran, so compare the ratios more than the seconds.`,
    '',
    '| variant | wall s | ratio | target |',
    '| --- | ---: | ---: | --- |',
    `| cold, one thread (\`LADING_CACHE=0 LADING_WORKERS=1\`) | ${serial.toFixed(2)} | 1.00x | |`,
    `| cold, worker threads (\`LADING_CACHE=0 LADING_WORKERS=${threads}\`: one per core; without LADING_WORKERS a system this small renders in one thread) | ${parallel.toFixed(2)} | ${x(parallel, serial)} of cold, one thread | |`,
    `| re-synth, nothing changed (every app from the cache) | ${warm.toFixed(2)} | ${x(warm, cold)} of the faster cold | <= 0.35x: ${warm / cold <= 0.35 ? 'met' : 'not met'} |`,
    `| re-synth after a change of \`${CHANGED}\` | ${oneChanged.toFixed(2)} | ${x(oneChanged, alone)} of \`${CHANGED}\` alone | <= 1.3x: ${oneChanged / alone <= 1.3 ? 'met' : 'not met'} |`,
    `| \`--app ${CHANGED}\` alone, cold | ${alone.toFixed(2)} | | |`,
  ];
}

/** RESULTS.md with the incremental section replaced (or added at the end). */
export function withIncrementalSection(results: string, section: readonly string[]): string {
  const text = results.trimEnd();
  const start = text.indexOf(`\n${HEADING}`);
  if (start < 0) return `${text}\n\n${section.join('\n')}\n`;
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}\n${section.join('\n')}\n${next < 0 ? '' : `${text.slice(next)}\n`}`;
}
