import * as os from 'os';
import * as path from 'path';

/** When set, writing a file whose name ends so fails with this error code, as a full or read-only disk does. */
let failing: { suffix: string; code: string } | undefined;

jest.mock('fs', () => {
  const path = jest.requireActual<typeof import('path')>('path');
  const real = jest.requireActual<typeof import('fs')>('fs');
  return {
    ...real,
    writeFileSync: (file: string, ...rest: unknown[]) => {
      if (failing?.code === 'LOCK_TAKEN' && String(file).endsWith(failing.suffix)) {
        // another process removes this synth's lock while it writes
        real.rmSync(path.join(String(file).split(`${path.sep}.lading${path.sep}`)[0], '.lading', 'lock'));
      } else if (failing && String(file).endsWith(failing.suffix)) {
        throw Object.assign(new Error(`${failing.code}: failed, open '${String(file)}'`), { code: failing.code, syscall: 'open', path: String(file) });
      }
      return (real.writeFileSync as (...a: unknown[]) => void)(file, ...rest);
    },
  };
});

import * as fs from 'fs';
import { OutputError, writeOutput } from '../../lib/synth/write-output';
import { readTree } from '../support/run-cli';

describe('writeOutput on a disk that fails', () => {
  test.each([
    ['ENOSPC', 'no space left on the device'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
  ])('GIVEN a disk that fails with %s half-way WHEN writing THEN one line, the old output whole, no staging and no lock left', (code, reason) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-out-'));
    const opts = { projectRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'lading-project-')) };
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'old' }] }], opts);
    failing = { suffix: 'b.yaml', code };
    let line = 'nothing thrown';
    try {
      writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'new' }, { path: 'compose/b.yaml', content: 'b' }] }], opts);
    } catch (e) {
      line = OutputError.is(e) ? e.line : `not an OutputError: ${(e as Error).message}`;
    } finally {
      failing = undefined;
    }
    const shown = path.relative(process.cwd(), out);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(line).toMatch(
      new RegExp(`^${escape(shown)}/\\.lading/g-[^/]+/compose/b\\.yaml: cannot write there \\(got ${code}: ${reason}\\)\\. Fix that, or choose another --out folder; ${escape(shown)}/ was left as it was\\.$`),
    );
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'old' });
    const state = fs.readdirSync(path.join(out, '.lading')).sort();
    expect(state.filter((n) => !n.startsWith('g-'))).toEqual(['current', 'marker']);
    expect(state.filter((n) => n.startsWith('g-'))).toHaveLength(1);
  });

  test('GIVEN another process that removes the lock while this synth writes WHEN it would swap THEN one line says so and the old output stays', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-out-'));
    const opts = { projectRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'lading-project-')) };
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'old' }] }], opts);
    failing = { suffix: 'b.yaml', code: 'LOCK_TAKEN' };
    let line = 'nothing thrown';
    try {
      writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/b.yaml', content: 'b' }] }], opts);
    } catch (e) {
      line = OutputError.is(e) ? e.line : `not an OutputError: ${(e as Error).message}`;
    } finally {
      failing = undefined;
    }
    const shown = `${path.relative(process.cwd(), out)}/`;
    expect(line).toBe(`${shown}: another lading synth removed this synth's lock (got ${path.join(out, '.lading', 'lock')}). Run one synth at a time; ${shown} was left as it was.`);
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'old' });
  });
});
