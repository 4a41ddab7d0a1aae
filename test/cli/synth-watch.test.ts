import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LADING, MODEL, projectWithApps, readTree } from '../support/run-cli';

const APP = `
import { Image, Port, Service, System } from ${MODEL};
import { PORT } from './lib/port';
const app = new System('shop');
new Service(app, 'web', { image: Image.build({ context: 'ctx', tag: 'shop/web:1' }), ports: [Port.tcp(PORT).publish(8080)] });
export default app;
`;

const SUMMARY = /^1 app, 1 target, 1 file; 0 errors, 2 warnings, \d+ notes \(lading check --app NAME shows them\); 1 rendered, 0 reused$/;

/** A running `lading synth --watch`: its stdout lines as they come, and how it ended. */
function watch(dir: string, args: readonly string[]) {
  const child = spawn(process.execPath, [LADING, 'synth', '--watch', ...args], {
    cwd: dir,
    env: { ...process.env, FORCE_COLOR: '0', LADING_CACHE: fs.mkdtempSync(path.join(os.tmpdir(), 'lading-watch-cache-')) },
  });
  const lines: string[] = [];
  let stderr = '';
  let buffered = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const lineCount = async (n: number) => {
    const deadline = Date.now() + 120_000;
    while (lines.length < n) {
      if (Date.now() > deadline) throw new Error(`waited for ${n} lines of lading synth --watch, got ${JSON.stringify(lines)}; stderr: ${stderr}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 500);
      });
    }
  };
  return { child, lines, ended, lineCount, stderr: () => stderr };
}

describe('lading synth --watch (the CLI, as a process)', () => {
  test('GIVEN a watch WHEN an imported file and then the Dockerfile change THEN one line per run, the new output, and Ctrl-C leaves dist/ whole', async () => {
    // GIVEN an app that imports a file of its own and builds an image from ctx/
    const dir = projectWithApps({ 'shop.ts': APP });
    fs.mkdirSync(path.join(dir, 'apps', 'lib'));
    fs.writeFileSync(path.join(dir, 'apps', 'lib', 'port.ts'), 'export const PORT = 80;\n');
    fs.mkdirSync(path.join(dir, 'ctx'));
    fs.writeFileSync(path.join(dir, 'ctx', 'Dockerfile'), 'FROM busybox:1.36\n');
    const w = watch(dir, ['--target', 'compose']);
    const compose = () => readTree(path.join(dir, 'dist'))[path.join('compose', 'shop', 'compose.yaml')];
    try {
      await w.lineCount(1);
      expect(w.lines[0]).toMatch(SUMMARY);
      expect(compose()).toContain('"8080:80/tcp"');
      // WHEN the file the app imports changes
      fs.writeFileSync(path.join(dir, 'apps', 'lib', 'port.ts'), 'export const PORT = 81;\n');
      // THEN a second run, one line, and its output
      await w.lineCount(2);
      expect(w.lines[1]).toMatch(SUMMARY);
      expect(compose()).toContain('"8080:81/tcp"');
      // WHEN the Dockerfile of the build context changes THEN a third run
      fs.appendFileSync(path.join(dir, 'ctx', 'Dockerfile'), 'RUN true\n');
      await w.lineCount(3);
      expect(w.lines[2]).toMatch(/^1 app, 1 target, 1 file; /);
      // warnings are printed once, not again for each run that has the same
      expect(w.stderr().match(/^warning /gm)).toHaveLength(2);
    } finally {
      // WHEN Ctrl-C
      w.child.kill('SIGINT');
    }
    const end = await w.ended;
    // THEN the process ends as a Ctrl-C'd command does, and dist/ holds the last run's output, whole
    expect(end.signal === 'SIGINT' ? 130 : end.code).toBe(130);
    expect(Object.keys(readTree(path.join(dir, 'dist')))).toEqual([path.join('compose', 'shop', 'compose.yaml')]);
    expect(compose()).toContain('"8080:81/tcp"');
    expect(w.lines).toHaveLength(3);
  });

  test('GIVEN a watch WHEN an app gains a mistake and then loses it THEN the failed run says so in its lines, the output stays, and the next run writes', async () => {
    const dir = projectWithApps({ 'shop.ts': APP.replace("import { PORT } from './lib/port';", 'const PORT = 80;') });
    fs.mkdirSync(path.join(dir, 'ctx'));
    fs.writeFileSync(path.join(dir, 'ctx', 'Dockerfile'), 'FROM busybox:1.36\n');
    const w = watch(dir, ['--target', 'compose']);
    const file = path.join(dir, 'apps', 'shop.ts');
    try {
      await w.lineCount(1);
      const before = readTree(path.join(dir, 'dist'));
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('const PORT = 80;', 'const PORT = 70000;'));
      const deadline = Date.now() + 120_000;
      while (!/synth failed/.test(w.stderr()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(w.stderr()).toContain('error shop/web ports[0]: port must be a whole number from 1 to 65535 (got 70000).');
      expect(w.stderr()).toContain('synth failed; dist/ was left as it was');
      expect(readTree(path.join(dir, 'dist'))).toEqual(before);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('const PORT = 70000;', 'const PORT = 82;'));
      await w.lineCount(2);
      expect(w.lines[1]).toMatch(SUMMARY);
      expect(readTree(path.join(dir, 'dist'))[path.join('compose', 'shop', 'compose.yaml')]).toContain('"8080:82/tcp"');
    } finally {
      w.child.kill('SIGINT');
    }
    await w.ended;
  });
});
