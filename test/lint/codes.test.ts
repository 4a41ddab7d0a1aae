import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_CODES, RULES } from '../../lib/lint';
import { LINT_RULES } from '../../lib/model';

const read = (dir: string, keep: (f: string) => boolean): string =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? [read(path.join(dir, e.name), keep)] : keep(e.name) ? [fs.readFileSync(path.join(dir, e.name), 'utf8')] : []))
    .join('\n');

const codesIn = (text: string) => new Set([...text.matchAll(/'(lint\/[a-z-]+)'/g)].map((m) => m[1]));

describe('lint codes', () => {
  test('GIVEN the model\'s list of rules THEN the catalogue and the rules run are exactly those', () => {
    expect(Object.keys(LINT_CODES).sort()).toEqual([...LINT_RULES].sort());
    expect(RULES.map((r) => r.code)).toEqual([...LINT_RULES]);
  });

  test('GIVEN the rules\' sources THEN every code they emit is catalogued and every catalogued code is emitted', () => {
    const lib = read(path.resolve(__dirname, '../../lib/lint/rules'), (f) => f.endsWith('.ts'));
    expect([...codesIn(lib)].sort()).toEqual(Object.keys(LINT_CODES).sort());
  });

  test('GIVEN the lint tests THEN every code is asserted by at least one of them', () => {
    const tests = read(__dirname, (f) => f.endsWith('.test.ts') && f !== 'codes.test.ts');
    const asserted = codesIn(tests);
    expect(Object.keys(LINT_CODES).filter((code) => !asserted.has(code))).toEqual([]);
  });
});
