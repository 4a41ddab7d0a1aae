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

describe('apps that end, throw or export in unusual ways (synth, as a process)', () => {
  const system = (name: string) => `import { Image, Service, System } from ${MODEL};\nconst app = new System('${name}');\nnew Service(app, 'web', { image: Image.of('nginx:1.27') });\n`;

  test('GIVEN an app that throws a plain object WHEN synth runs THEN one line shows the value, exit 1, nothing written', () => {
    const dir = projectWithApps({ 'odd.ts': `${system('odd')}throw { code: 42 };\n` });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error apps/odd.ts: the app threw a value that is not an Error (got {"code":42}). Throw an Error instead: throw new Error('what went wrong').\nsynth failed; dist/ was left as it was\n`,
    );
    expect(r.stderr).not.toContain('[object Object]');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('GIVEN an app that calls process.exit(0) WHEN synth runs THEN the call is a located mistake with exit 1, not a silent success', () => {
    const dir = projectWithApps({ 'quits.ts': `${system('quits')}process.exit(0);\nexport default app;\n`, 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error apps/quits.ts:4: the app called process.exit while it was loading (got 0). Remove the call: lading loads the app and writes the output itself.\nsynth failed; dist/ was left as it was\n',
    );
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('GIVEN an app module that assigns module.exports = app WHEN synth runs THEN the System is found and written', () => {
    const dir = projectWithApps({ 'plain.js': `const { Image, Service, System } = require(${MODEL});\nconst app = new System('plain');\nnew Service(app, 'web', { image: Image.of('nginx:1.27') });\nmodule.exports = app;\n` });
    const r = runLading(['synth', '--target', 'compose', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Object.keys(readTree(path.join(dir, 'dist')))).toEqual([path.join('compose', 'plain', 'compose.yaml')]);
  });
});
