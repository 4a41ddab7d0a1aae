import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE, renderCatalogue } from '../../lib/diagnostics/catalogue';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the catalogue of diagnostic codes', () => {
  test('GIVEN the catalogue WHEN docs/diagnostics.md is read THEN it is exactly what `npm run docs` writes', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8')).toBe(renderCatalogue());
  });

  test('GIVEN every area THEN codes are unique, prefixed by their area and have a summary', () => {
    const seen = new Set<string>();
    for (const { codes } of CATALOGUE) {
      for (const [code, entry] of Object.entries(codes)) {
        expect(seen.has(code)).toBe(false);
        seen.add(code);
        expect(code).toMatch(/^(internal|synth|compose|kubernetes|ecs|docker|swarm|lint|import)\/[a-z0-9-]+$/);
        expect(['error', 'warning', 'info']).toContain(entry.severity);
        expect(entry.summary.length).toBeGreaterThan(10);
      }
    }
  });

  test('GIVEN the source of lib/ THEN every code it emits is in the catalogue', () => {
    const documented = new Set(CATALOGUE.flatMap(({ codes }) => Object.keys(codes)));
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('codes.ts')) {
          const code = fs
            .readFileSync(p, 'utf8')
            .split('\n')
            .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l))
            .join('\n');
          for (const m of code.matchAll(/['`]((?:internal|compose|kubernetes|ecs|docker|swarm|lint|import)\/[a-z0-9-]+)['`]/g)) used.add(m[1]);
        }
      }
    };
    walk(path.join(ROOT, 'lib'));
    expect([...used].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });
});
