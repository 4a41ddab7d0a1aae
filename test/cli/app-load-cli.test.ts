import * as fs from 'fs';
import * as path from 'path';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';

const GOOD = `
import { Image, Service, System } from ${MODEL};
const app = new System('good');
new Service(app, 'web', { image: Image.of('nginx:1.27') });
export default app;
`;
const BOOM = `import { System } from ${MODEL};\nconst app = new System('boom');\nthrow new Error('no config for boom');\nexport default app;\n`;
const BROKEN = `import { System } from ${MODEL};\nconst app = new System('broken';\nexport default app;\n`;

describe('an app that fails to load (synth, as a process)', () => {
  test('GIVEN one app that throws and one that does not WHEN synth runs for all THEN one line per broken file with its line, exit 1, nothing written', () => {
    const dir = projectWithApps({ 'boom.ts': BOOM, 'broken.ts': BROKEN, 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('error apps/boom.ts:3: no config for boom');
    expect(lines[1]).toMatch(/^error apps\/broken\.ts:2: /);
    expect(lines[lines.length - 1]).toBe('synth failed; dist/ was left as it was');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('GIVEN the same WHEN the user names the good app THEN it is synthesized and the broken ones do not matter', () => {
    const dir = projectWithApps({ 'boom.ts': BOOM, 'broken.ts': BROKEN, 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose', '--app', 'good', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Object.keys(readTree(path.join(dir, 'dist')))).toEqual([path.join('compose', 'good', 'compose.yaml')]);
  });

  test('GIVEN the same WHEN the user names an app that no loaded file defines THEN the broken files are shown, as they may define it', () => {
    const dir = projectWithApps({ 'boom.ts': BOOM, 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose', '--app', 'other'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('error apps/boom.ts:3: no config for boom');
    expect(lines[1]).toMatch(/^error --app other: no such app in .*apps\. Known apps: good\.$/);
  });
});
