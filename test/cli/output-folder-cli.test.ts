import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LADING, MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';

const app = (tag: string) => `
import { Image, Service, System } from ${MODEL};
const app = new System('hello');
new Service(app, 'web', { image: Image.of('nginx:${tag}') });
export default app;
`;

/** sha256 of every entry below a folder (links by their target, without following them), except `skip`. */
function fingerprint(dir: string, skip?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (skip && path.resolve(p) === path.resolve(skip)) continue;
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[rel] = 'dir';
        walk(p);
      } else out[rel] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The project of the reproducer: its own docker/, graph/ and compose/ folders, with files lading did not write. */
function projectWithOwnFolders(): string {
  const dir = projectWithApps({ 'hello.ts': app('1.27') });
  for (const [file, content] of [['docker/Dockerfile', 'FROM nginx:1.27\n'], ['graph/notes.txt', 'notes\n'], ['compose/prod.yaml', 'services: {}\n']]) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('the output folder belongs to lading (synth, as a process)', () => {
  test('GIVEN a project with its own docker/, graph/ and compose/ WHEN synth --out . THEN one line refuses it, exit 1, and no byte changes', () => {
    const dir = projectWithOwnFolders();
    const before = fingerprint(dir);
    const r = runLading(['synth', '--out', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error ./: the output folder must not be the project folder: synth replaces what is in it (got ${JSON.stringify(fs.realpathSync(dir))}). Choose a folder of its own for the output, such as dist (lading creates it).\n`,
    );
    expect(fingerprint(dir)).toEqual(before);
  });

  test('GIVEN --out / WHEN synth THEN one line refuses it and nothing is written at the root', () => {
    const dir = projectWithApps({ 'hello.ts': app('1.27') });
    const rootBefore = fs.readdirSync('/').sort();
    const r = runLading(['synth', '--target', 'compose', '--out', '/'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^error .*: the output folder must not be the root of the file system: synth replaces what is in it \(got "\/"\)\. Choose a folder/);
    expect(fs.readdirSync('/').sort()).toEqual(rootBefore);
  });

  test('GIVEN --out naming a file WHEN synth THEN one line, no stack, and the file is unchanged', () => {
    const dir = projectWithApps({ 'hello.ts': app('1.27') });
    fs.writeFileSync(path.join(dir, 'afile'), 'mine');
    const before = fingerprint(dir);
    const r = runLading(['synth', '--target', 'compose', '--out', 'afile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error afile/: the output folder is a file, not a folder (got a file of 4 bytes). Choose a folder of its own for the output, such as dist (lading creates it).\n');
    expect(fingerprint(dir)).toEqual(before);
  });

  test('GIVEN an output folder holding a file lading did not write WHEN synth THEN one line names it and no byte changes', () => {
    const dir = projectWithApps({ 'hello.ts': app('1.27') });
    fs.mkdirSync(path.join(dir, 'dist', 'compose'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'compose', 'prod.yaml'), 'services: {}\n');
    const before = fingerprint(dir);
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error dist/: holds files lading did not write (got "compose"). Move them out of dist/, or choose a folder of its own for the output, such as dist (lading creates it).\n');
    expect(fingerprint(dir)).toEqual(before);
  });

  test('GIVEN dist/docker replaced by a link out of dist WHEN synth --app hello THEN it is refused and nothing is written through the link', () => {
    const dir = projectWithApps({ 'hello.ts': app('1.27') });
    expect(runLading(['synth', '--target', 'docker'], dir).code).toBe(0);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-elsewhere-'));
    fs.rmSync(path.join(dir, 'dist', 'docker'));
    fs.symlinkSync(elsewhere, path.join(dir, 'dist', 'docker'));
    const r = runLading(['synth', '--target', 'docker', '--app', 'hello'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error dist/: holds files lading did not write (got "docker"). Move them out of dist/, or choose a folder of its own for the output, such as dist (lading creates it).\n');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  test('GIVEN lading import --out naming a folder with --force WHEN run THEN one line, no stack, exit 1', () => {
    const dir = projectWithApps({});
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
    fs.mkdirSync(path.join(dir, 'out'));
    const before = fingerprint(dir);
    const r = runLading(['import', 'compose.yaml', '--out', 'out', '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe('error out: cannot write there (got EISDIR: it is a folder, not a file). Pass --out with the path of a file to write; nothing was written.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fingerprint(dir)).toEqual(before);
  });

  test('GIVEN two synths of different versions into one dist at once WHEN both finish THEN both exit 0 and dist is one of them whole', async () => {
    const dir = projectWithApps({});
    for (const [folder, tag] of [['a', '1.26'], ['b', '1.27']]) {
      fs.mkdirSync(path.join(dir, folder));
      fs.writeFileSync(path.join(dir, folder, 'hello.ts'), app(tag));
    }
    const expected = [] as Array<Record<string, string>>;
    for (const folder of ['a', 'b']) {
      expect(runLading(['synth', '--target', 'compose', 'docker', '--apps-dir', folder, '--out', `only-${folder}`], dir).code).toBe(0);
      expected.push(readTree(path.join(dir, `only-${folder}`)));
    }
    expect(expected[0]).not.toEqual(expected[1]);
    const run = (folder: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [LADING, 'synth', '--target', 'compose', 'docker', '--apps-dir', folder, '--quiet'], {
          cwd: dir,
          env: { ...process.env, LADING_TEST_SLOW_SWAP_MS: '150' },
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += String(d)));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run('a'), run('b')]);
    expect(results).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    expect(expected).toContainEqual(readTree(path.join(dir, 'dist')));
  });
});
