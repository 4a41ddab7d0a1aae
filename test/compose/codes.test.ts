import * as fs from 'node:fs';
import * as path from 'node:path';
import { Reporter } from '../../lib/diagnostics/reporter';
import { System } from '../../lib/model';
import { COMPOSE_CODES } from '../../lib/targets/compose';
import type { ComposeScope } from '../../lib/targets/compose/scope';

const read = (dir: string, keep: (f: string) => boolean) =>
  fs
    .readdirSync(dir)
    .filter(keep)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

const codesIn = (text: string) => new Set([...text.matchAll(/'(compose\/[a-z-]+)'/g)].map((m) => m[1]));

describe('compose diagnostic codes', () => {
  const lib = read(path.resolve(__dirname, '../../lib/targets/compose'), (f) => f.endsWith('.ts') && f !== 'codes.ts');
  const tests = read(__dirname, (f) => f.endsWith('.test.ts') && f !== 'codes.test.ts');

  test('GIVEN the catalogue WHEN the target\'s sources are read THEN every code they emit is catalogued and every catalogued code is emitted', () => {
    expect([...codesIn(lib)].sort()).toEqual(Object.keys(COMPOSE_CODES).sort());
  });

  test('GIVEN the catalogue WHEN the Compose tests are read THEN every code is asserted by at least one test', () => {
    const asserted = codesIn(tests);
    expect(Object.keys(COMPOSE_CODES).filter((code) => !asserted.has(code))).toEqual([]);
  });

  test("GIVEN a misspelt code WHEN a converter reports it THEN tsc refuses it: the scope reports with the table's codes only", () => {
    const scope: ComposeScope = { spec: new System('shop').toSpec(), projectRoot: '.', reporter: new Reporter(COMPOSE_CODES, 'compose') };
    const misspelt = (): void =>
      // @ts-expect-error 'compose/privilegd' is not a code of the table: `npx tsc --noEmit` fails if this line compiles
      scope.reporter.report('compose/privilegd', 'shop/web privileged', 'web runs privileged.');
    scope.reporter.report('compose/privileged', 'shop/web privileged', 'web runs privileged.');
    expect(typeof misspelt).toBe('function');
    expect(scope.reporter.diagnostics.map((d) => [d.code, d.severity, d.target])).toEqual([['compose/privileged', 'warning', 'compose']]);
  });
});
