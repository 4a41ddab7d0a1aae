import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE } from '../../lib/diagnostics/catalogue';

const TEST_ROOT = path.resolve(__dirname, '..');

/** Every test file and fixture under test/, as one text. */
function testSources(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|txt)$/.test(e.name) && p !== __filename) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(TEST_ROOT);
  return out.join('\n');
}

describe('every diagnostic code has a test', () => {
  const text = testSources();
  test.each(CATALOGUE.map(({ area, codes }) => [area, codes] as const))('GIVEN the %s codes THEN each is named by a test', (_area, codes) => {
    // a code counts when a test or an expected-diagnostics fixture names it, quoted or at a word boundary
    const named = (code: string) => new RegExp(`(^|[^a-z0-9/-])${code.replace(/[/-]/g, '\\$&')}($|[^a-z0-9-])`, 'm').test(text);
    expect(Object.keys(codes).filter((code) => !named(code)).sort()).toEqual([]);
  });
});
