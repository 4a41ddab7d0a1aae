import * as fs from 'fs';
import * as path from 'path';

const TEST_DIR = path.resolve(__dirname, '..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__snapshots__' ? [] : testFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Ways a test could take every module of the repository's apps/ folder, a user's own included. */
const WHOLE_APPS_FOLDER = [
  /loadApps\(\s*path\.join\(\s*(ROOT|PROJECT_ROOT|root)\s*,\s*'apps'\s*\)/,
  /readdirSync\(\s*(APPS_DIR|path\.join\(\s*(ROOT|PROJECT_ROOT|root)\s*,\s*'apps'\s*\))\s*\)\s*\.filter/,
];

describe('the tests take the examples by name', () => {
  test('GIVEN every test file WHEN searched THEN none loads the whole apps/ folder: an app of one\'s own there is no part of npm test', () => {
    const offenders = testFiles(TEST_DIR)
      .filter((file) => file !== __filename)
      .filter((file) => WHOLE_APPS_FOLDER.some((pattern) => pattern.test(fs.readFileSync(file, 'utf8'))))
      .map((file) => path.relative(TEST_DIR, file));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the patterns WHEN shown the old way of listing apps THEN they match it', () => {
    expect(WHOLE_APPS_FOLDER[0].test("const apps = loadApps(path.join(ROOT, 'apps'));")).toBe(true);
    expect(WHOLE_APPS_FOLDER[1].test("fs\n  .readdirSync(APPS_DIR)\n  .filter((f) => f.endsWith('.ts'))")).toBe(true);
    expect(WHOLE_APPS_FOLDER[0].test("loadApps(path.join(dir, 'apps'))")).toBe(false);
  });
});
