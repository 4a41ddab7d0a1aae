import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OutputError, writeOutput } from '../../lib/synth/write-output';
import { readTree } from '../support/run-cli';

/** The one line an OutputError carries, or the message of anything else thrown. */
function lineOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return OutputError.is(e) ? e.line : `not an OutputError: ${(e as Error).message}`;
  }
  return 'nothing thrown';
}

describe('writeOutput', () => {
  const fresh = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lading-out-'));
  const project = fresh();
  const inProject = (...parts: string[]) => path.join(project, ...parts);
  const opts = { projectRoot: project };

  test('GIVEN earlier output WHEN a unit is written THEN it replaces that unit whole and keeps the others', () => {
    const out = fresh();
    writeOutput(out, [
      { path: 'compose/a', files: [{ path: 'compose/a/compose.yaml', content: 'a1' }, { path: 'compose/a/stale.txt', content: 'x' }] },
      { path: 'compose/b', files: [{ path: 'compose/b/compose.yaml', content: 'b1' }] },
    ], opts);
    writeOutput(out, [{ path: 'compose/a', files: [{ path: 'compose/a/compose.yaml', content: 'a2' }] }], opts);
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'a2', [path.join('compose', 'b', 'compose.yaml')]: 'b1' });
  });

  test('GIVEN a file outside its unit WHEN writing THEN it throws before touching anything', () => {
    const out = inProject('never');
    expect(() =>
      writeOutput(out, [
        { path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'new' }, { path: '../escape.yaml', content: 'bad' }] },
      ], opts),
    ).toThrow('output file ../escape.yaml lies outside its unit compose');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('GIVEN a new folder WHEN written THEN it holds the marker, one generation and a link per top-level name', () => {
    const out = fresh();
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'a' }] }, { path: 'graph', files: [{ path: 'graph/a.md', content: 'g' }] }], opts);
    expect(fs.readdirSync(out).sort()).toEqual(['.lading', 'compose', 'graph']);
    expect(fs.readlinkSync(path.join(out, 'compose'))).toBe('.lading/current/compose');
    expect(fs.readFileSync(path.join(out, '.lading', 'marker'), 'utf8')).toMatch(/^This folder is written by lading synth/);
    expect(fs.readdirSync(path.join(out, '.lading')).filter((n) => n.startsWith('g-'))).toHaveLength(1);
  });

  test('GIVEN a unit that is empty now WHEN written THEN its top-level link is removed', () => {
    const out = fresh();
    writeOutput(out, [{ path: 'graph', files: [{ path: 'graph/a.md', content: 'g' }] }, { path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'a' }] }], opts);
    writeOutput(out, [{ path: 'graph', files: [] }], opts);
    expect(fs.readdirSync(out).sort()).toEqual(['.lading', 'compose']);
  });

  test('GIVEN generations and half-made state left by killed synths WHEN the next synth writes THEN only the current and the one before it stay', () => {
    const out = fresh();
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: '1' }] }], opts);
    fs.mkdirSync(path.join(out, '.lading', 'g-killed-staging'));
    fs.symlinkSync('g-killed-staging', path.join(out, '.lading', 'current.killed'));
    fs.writeFileSync(path.join(out, '.lading', 'lock'), '999999999 gone\n');
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: '2' }] }], opts);
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: '3' }] }], opts);
    const state = fs.readdirSync(path.join(out, '.lading')).sort();
    expect(state.filter((n) => n.startsWith('g-'))).toHaveLength(2);
    expect(state.filter((n) => !n.startsWith('g-'))).toEqual(['current', 'marker']);
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: '3' });
  });

  test('GIVEN a lock held by a running process WHEN writing with a short wait THEN one line names it and the output stays', () => {
    const out = fresh();
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'old' }] }], opts);
    fs.writeFileSync(path.join(out, '.lading', 'lock'), `${process.ppid} other\n`);
    const shown = `${path.relative(process.cwd(), out)}/`;
    expect(lineOf(() => writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'new' }] }], { ...opts, lockWaitMs: 200 }))).toBe(
      `${shown}: another lading synth is writing this output folder (got process ${process.ppid}, waited 0s). Run again when it has finished; ${shown} was left as it was.`,
    );
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'old' });
  });

  describe('folders lading refuses, each with one line', () => {
    const unit = [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'a' }] }];
    const shownOf = (dir: string) => `${path.relative(process.cwd(), dir) || '.'}/`;

    test('GIVEN the project folder WHEN used as the output THEN refused', () => {
      expect(lineOf(() => writeOutput(project, unit, opts))).toBe(
        `${shownOf(project)}: the output folder must not be the project folder: synth replaces what is in it (got ${JSON.stringify(project)}). Choose a folder of its own for the output, such as dist (lading creates it).`,
      );
    });

    test('GIVEN the root of the file system WHEN used as the output THEN refused', () => {
      expect(lineOf(() => writeOutput('/', unit, opts))).toBe(
        `${shownOf('/')}: the output folder must not be the root of the file system: synth replaces what is in it (got "/"). Choose a folder of its own for the output, such as dist (lading creates it).`,
      );
    });

    test('GIVEN the home folder WHEN used as the output THEN refused', () => {
      expect(lineOf(() => writeOutput(os.homedir(), unit, opts))).toContain(': the output folder must not be a home folder: synth replaces what is in it');
    });

    test('GIVEN a folder holding files lading did not write WHEN used as the output THEN refused and the files stay', () => {
      const out = fresh();
      fs.mkdirSync(path.join(out, 'docker'));
      fs.writeFileSync(path.join(out, 'docker', 'Dockerfile'), 'FROM scratch\n');
      fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
      expect(lineOf(() => writeOutput(out, unit, opts))).toBe(
        `${shownOf(out)}: holds files lading did not write (got "docker", "notes.txt"). Move them out of ${shownOf(out)}, or choose a folder of its own for the output, such as dist (lading creates it).`,
      );
      expect(readTree(out)).toEqual({ [path.join('docker', 'Dockerfile')]: 'FROM scratch\n', 'notes.txt': 'mine' });
    });

    test('GIVEN lading output with a foreign file added WHEN written again THEN refused', () => {
      const out = fresh();
      writeOutput(out, unit, opts);
      fs.writeFileSync(path.join(out, 'mine.txt'), 'x');
      expect(lineOf(() => writeOutput(out, unit, opts))).toBe(
        `${shownOf(out)}: holds files lading did not write (got "mine.txt"). Move them out of ${shownOf(out)}, or choose a folder of its own for the output, such as dist (lading creates it).`,
      );
    });

    test('GIVEN a file WHEN used as the output THEN refused', () => {
      const file = path.join(fresh(), 'afile');
      fs.writeFileSync(file, 'abc');
      expect(lineOf(() => writeOutput(file, unit, opts))).toBe(
        `${shownOf(file)}: the output folder is a file, not a folder (got a file of 3 bytes). Choose a folder of its own for the output, such as dist (lading creates it).`,
      );
    });

    test('GIVEN a symbolic link WHEN used as the output THEN refused', () => {
      const base = fresh();
      fs.symlinkSync(fresh(), path.join(base, 'dist'));
      expect(lineOf(() => writeOutput(path.join(base, 'dist'), unit, opts))).toMatch(/: the output folder is a symbolic link \(got ".*"\)\. Choose a folder of its own/);
    });

    test('GIVEN a folder under a file WHEN used as the output THEN the fs error is one line', () => {
      const file = path.join(fresh(), 'afile');
      fs.writeFileSync(file, 'abc');
      const out = path.join(file, 'dist');
      expect(lineOf(() => writeOutput(out, unit, opts))).toBe(
        `${path.relative(process.cwd(), out)}: cannot create a folder there (got ENOTDIR: a part of the path is a file, not a folder). Fix that, or choose another --out folder; ${shownOf(out)} was left as it was.`,
      );
    });

    test('GIVEN a link inside the output that points out of it WHEN writing THEN it is refused, and nothing outside changes', () => {
      const out = fresh();
      const outside = fresh();
      writeOutput(out, unit, opts);
      fs.symlinkSync(outside, path.join(out, 'docker'));
      expect(lineOf(() => writeOutput(out, [{ path: 'docker/hello.sh', files: [{ path: 'docker/hello.sh', content: 'x' }] }], opts))).toBe(
        `${shownOf(out)}: holds files lading did not write (got "docker"). Move them out of ${shownOf(out)}, or choose a folder of its own for the output, such as dist (lading creates it).`,
      );
      expect(fs.readdirSync(outside)).toEqual([]);
    });
  });
});
