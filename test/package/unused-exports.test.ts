import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where an exported name may be used: everything the repository compiles. */
const USERS = ['lib', 'bin', 'test', 'apps', 'scripts', 'bench'];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' ? [] : sources(p);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Exported values (functions, constants, classes) of lib/ and bin/ that no other file names. Types are left out:
 * an exported function's parameter and result types are part of the public declarations.
 */
function unusedExports(): string[] {
  const files = new Map(USERS.flatMap((d) => sources(path.join(ROOT, d))).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const exported = /^export (?:async )?(?:function\*? |const |let |class |abstract class )([A-Za-z_$][\w$]*)/gm;
  const unused: string[] = [];
  for (const [file, text] of files) {
    const rel = path.relative(ROOT, file);
    if (!rel.startsWith('lib') && !rel.startsWith('bin')) continue;
    for (const m of text.matchAll(exported)) {
      const name = new RegExp(`\\b${m[1].replace(/\$/g, '\\$')}\\b`);
      if (![...files].some(([other, t]) => other !== file && name.test(t))) unused.push(`${rel}: ${m[1]}`);
    }
  }
  return unused.sort();
}

describe('exports', () => {
  test('GIVEN lib/ and bin/ WHEN every exported value is looked up in the other files THEN each one is used somewhere else', () => {
    expect(unusedExports()).toEqual([]);
  });
});
