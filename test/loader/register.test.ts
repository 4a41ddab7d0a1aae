import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REGISTER = path.join(__dirname, '..', '..', 'bin', 'register.js');

/** Runs `file` through bin/register.js with its own cache; prints what the module exports and whether swc loaded. */
function run(file: string, cache: string) {
  const script = `const m = require(${JSON.stringify(file)}); process.stdout.write(JSON.stringify({ value: m.value, swc: Object.keys(require.cache).some((k) => k.includes('@swc') && !k.endsWith('package.json')) }));`;
  const r = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], { encoding: 'utf8', env: { ...process.env, LADING_SWC_CACHE: cache } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { value: string; swc: boolean };
}

describe('bin/register.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-register-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a TypeScript file WHEN loaded twice THEN the second load comes from the cache without loading swc; an edit compiles again', () => {
    const file = path.join(dir, 'x.ts');
    const cache = path.join(dir, 'cache');
    fs.writeFileSync(file, "export const value: string = 'one';\n");
    expect(run(file, cache)).toEqual({ value: 'one', swc: true });
    expect(fs.readdirSync(cache)).toHaveLength(1);
    expect(run(file, cache)).toEqual({ value: 'one', swc: false });
    fs.writeFileSync(file, "export const value: string = 'two';\n");
    expect(run(file, cache)).toEqual({ value: 'two', swc: true });
    expect(fs.readdirSync(cache)).toHaveLength(2);
  });

  test('GIVEN LADING_SWC_CACHE=0 WHEN loaded THEN swc compiles every time and nothing is cached', () => {
    const file = path.join(dir, 'x.ts');
    fs.writeFileSync(file, "export const value: string = 'plain';\n");
    expect(run(file, '0')).toEqual({ value: 'plain', swc: true });
    expect(run(file, '0')).toEqual({ value: 'plain', swc: true });
  });

  test('GIVEN an app that throws WHEN loaded from the cache THEN its stack trace still points at the TypeScript line', () => {
    const file = path.join(dir, 'boom.ts');
    const cache = path.join(dir, 'cache');
    fs.writeFileSync(file, "type T = { a: string };\n\n\nexport const t: T = { a: 'x' };\nthrow new Error('boom');\n");
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, ['-r', REGISTER, file], { encoding: 'utf8', env: { ...process.env, LADING_SWC_CACHE: cache } });
      expect(r.stderr).toContain(`${file}:5`);
    }
  });
  test("GIVEN a TypeScript file and a library with an inline source map WHEN loaded THEN the file's map is kept for stack traces, the library's is never read", () => {
    const file = path.join(dir, 'x.ts');
    fs.writeFileSync(file, "export const value: string = 'mapped';\n");
    const library = require.resolve('cdk8s/lib/chart.js');
    expect(fs.readFileSync(library, 'utf8')).toContain('sourceMappingURL=data:');
    const script = [
      `require(${JSON.stringify(file)}); require(${JSON.stringify(library)});`,
      "const { findSourceMap } = require('module');",
      `process.stdout.write(JSON.stringify([Boolean(findSourceMap(${JSON.stringify(file)})), Boolean(findSourceMap(${JSON.stringify(library)}))]));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], { encoding: 'utf8', env: { ...process.env, LADING_SWC_CACHE: path.join(dir, 'cache') } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, false]);
  });
  test("GIVEN one of lading's own modules WHEN loaded THEN its map is not read, unless node runs with --enable-source-maps", () => {
    const own = path.join(__dirname, '..', '..', 'lib', 'targets', 'kubernetes', 'manifest-file.ts');
    const script = `require(${JSON.stringify(own)}); process.stdout.write(String(Boolean(require('module').findSourceMap(${JSON.stringify(own)}))));`;
    const mapped = (flags: string[]) => spawnSync(process.execPath, [...flags, '-r', REGISTER, '-e', script], { encoding: 'utf8', env: { ...process.env, LADING_SWC_CACHE: path.join(dir, 'cache') } }).stdout;
    expect(mapped([])).toBe('false');
    expect(mapped(['--enable-source-maps'])).toBe('true');
  });
});
