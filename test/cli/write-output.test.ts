import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeOutput } from '../../lib/synth/write-output';
import { readTree } from '../support/run-cli';

describe('writeOutput', () => {
  const fresh = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lading-out-'));

  test('GIVEN earlier output WHEN a unit is written THEN it replaces that unit whole and keeps the others', () => {
    const out = fresh();
    writeOutput(out, [
      { path: 'compose/a', files: [{ path: 'compose/a/compose.yaml', content: 'a1' }, { path: 'compose/a/stale.txt', content: 'x' }] },
      { path: 'compose/b', files: [{ path: 'compose/b/compose.yaml', content: 'b1' }] },
    ]);
    writeOutput(out, [{ path: 'compose/a', files: [{ path: 'compose/a/compose.yaml', content: 'a2' }] }]);
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'a2', [path.join('compose', 'b', 'compose.yaml')]: 'b1' });
  });

  test('GIVEN a write that fails half-way WHEN writing THEN the earlier output is untouched and no staging is left', () => {
    const out = fresh();
    writeOutput(out, [{ path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'good' }] }]);
    expect(() =>
      writeOutput(out, [
        { path: 'compose', files: [{ path: 'compose/a/compose.yaml', content: 'new' }, { path: '../escape.yaml', content: 'bad' }] },
      ]),
    ).toThrow('output file ../escape.yaml lies outside its unit compose');
    expect(readTree(out)).toEqual({ [path.join('compose', 'a', 'compose.yaml')]: 'good' });
    expect(fs.readdirSync(out)).toEqual(['compose']);
  });
});
