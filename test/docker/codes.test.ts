import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCKER_CODES } from '../../lib/targets/docker';

const read = (dir: string, keep: (f: string) => boolean) =>
  fs
    .readdirSync(dir)
    .filter(keep)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

const codesIn = (text: string) => new Set([...text.matchAll(/'(docker\/[a-z-]+)'/g)].map((m) => m[1]));

describe('docker diagnostic codes', () => {
  const lib = read(path.resolve(__dirname, '../../lib/targets/docker'), (f) => f.endsWith('.ts') && f !== 'codes.ts');
  const tests = read(__dirname, (f) => f.endsWith('.test.ts') && f !== 'codes.test.ts');

  test("GIVEN the catalogue WHEN the target's sources are read THEN every code they emit is catalogued and every catalogued code is emitted", () => {
    expect([...codesIn(lib)].sort()).toEqual(Object.keys(DOCKER_CODES).sort());
  });

  test('GIVEN the catalogue WHEN the docker tests are read THEN every code is asserted by at least one test', () => {
    const asserted = codesIn(tests);
    expect(Object.keys(DOCKER_CODES).filter((code) => !asserted.has(code))).toEqual([]);
  });
});
