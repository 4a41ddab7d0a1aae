import * as fs from 'fs';
import * as path from 'path';
import { MODEL, projectWithApps, readTree, runLading } from '../support/run-cli';

const GOOD = `
import { Image, Port, Service, System } from ${MODEL};
const app = new System('good');
new Service(app, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
export default app;
`;

describe('lading synth (the CLI, as a process)', () => {
  test('GIVEN a valid app WHEN synth --target compose THEN it writes dist/compose/<app>/compose.yaml and exits 0', () => {
    const dir = projectWithApps({ 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'warning lint/no-log-limit',
      'warning lint/no-resource-limits',
    ]);
    expect(r.code).toBe(0);
    // the notes are lint/runs-as-root, lint/writable-root-filesystem and lint/capabilities-not-dropped: counted, not shown
    expect(r.stdout).toBe('1 app, 1 target, 1 file; 0 errors, 2 warnings, 3 notes (lading check --app NAME shows them); 1 rendered, 0 reused\n');
    expect(Object.keys(readTree(path.join(dir, 'dist')))).toEqual([path.join('compose', 'good', 'compose.yaml')]);
  });

  test('GIVEN an app with a bad port WHEN synth THEN one line names the path and prop, exit 1, dist/ untouched', () => {
    // GIVEN a project that synthesized once
    const dir = projectWithApps({ 'good.ts': GOOD });
    expect(runLading(['synth', '--target', 'compose'], dir).code).toBe(0);
    const before = readTree(path.join(dir, 'dist'));
    // WHEN the app gains a mistake
    fs.writeFileSync(path.join(dir, 'apps', 'good.ts'), GOOD.replace('Port.tcp(80)', 'Port.tcp(70000)'));
    const r = runLading(['synth', '--target', 'compose'], dir);
    // THEN
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('error good/web ports[0]: port must be a whole number from 1 to 65535 (got 70000). Use a port between 1 and 65535.');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('synth failed; dist/ was left as it was');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('GIVEN a whole-tree mistake (a dependency cycle) WHEN synth THEN one line per mistake and exit 1', () => {
    const dir = projectWithApps({
      'loop.ts': `
import { Dependency, Image, Service, System } from ${MODEL};
const app = new System('loop');
const a: Service = new Service(app, 'a', { image: Image.of('busybox:1.36') });
new Service(app, 'b', { image: Image.of('busybox:1.36'), dependsOn: [Dependency.started(a)] });
(a as any)._dependsOn = [Dependency.started(app.node.findChild('b') as Service)];
export default app;
`,
    });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error loop/a dependsOn: dependency cycle (got "a -> b -> a"). Remove one of the dependencies.');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('GIVEN an app that throws while loading WHEN synth THEN one line with its file and line, exit 1', () => {
    const dir = projectWithApps({ 'boom.ts': `import { System } from ${MODEL};\nconst app = new System('boom');\nthrow new Error('no config for boom');\nexport default app;\n` });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error apps/boom.ts:3: no config for boom');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('GIVEN an app that does not compile WHEN synth THEN it is reported with its file, exit 1', () => {
    const dir = projectWithApps({ 'broken.ts': `import { System } from ${MODEL};\nconst app = new System('broken';\nexport default app;\n` });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^error apps\/broken\.ts:2: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('GIVEN a module without a System WHEN synth THEN it says what to export', () => {
    const dir = projectWithApps({ 'empty.ts': 'export const x = 1;\n' });
    const r = runLading(['synth', '--target', 'compose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error apps/empty.ts: exports no System. Add `export default app` where app is the System.');
  });

  test('GIVEN --app with an unknown name WHEN synth THEN it lists the known apps, exit 1', () => {
    const dir = projectWithApps({ 'good.ts': GOOD });
    const r = runLading(['synth', '--target', 'compose', '--app', 'nope'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^error --app nope: no such app in .*apps\. Known apps: good\.$/);
  });

  test('GIVEN --app NAME WHEN synth THEN only that app is replaced and the others stay', () => {
    const other = GOOD.replace("'good'", "'other'");
    const dir = projectWithApps({ 'good.ts': GOOD, 'other.ts': other });
    expect(runLading(['synth', '--target', 'compose'], dir).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'apps', 'good.ts'), GOOD.replace('nginx:1.27', 'nginx:1.28'));
    fs.writeFileSync(path.join(dir, 'apps', 'other.ts'), other.replace('nginx:1.27', 'nginx:1.28'));
    expect(runLading(['synth', '--target', 'compose', '--app', 'good'], dir).code).toBe(0);
    const tree = readTree(path.join(dir, 'dist'));
    expect(tree[path.join('compose', 'good', 'compose.yaml')]).toContain('nginx:1.28');
    expect(tree[path.join('compose', 'other', 'compose.yaml')]).toContain('nginx:1.27');
  });

  test.each([
    [['synth', '--target', 'bogus'], /argument 'bogus' is invalid/],
    [['synth', '--frobnicate'], /unknown option '--frobnicate'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /Usage: lading/],
  ])('GIVEN the usage mistake %j WHEN lading runs THEN exit 2 with a message', (args, message) => {
    const r = runLading(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('GIVEN --help and --version THEN exit 0', () => {
    const help = runLading(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('synth [options]');
    const synthHelp = runLading(['synth', '--help']);
    expect(synthHelp.stdout).toContain('--target <target...>');
    const version = runLading(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(require('../../package.json').version);
  });

  test('GIVEN --target compose WHEN synth runs THEN neither cdk8s nor aws-cdk-lib is loaded', () => {
    const dir = projectWithApps({ 'good.ts': GOOD });
    const record = path.join(dir, 'modules.json');
    const hook = path.join(dir, 'hook.js');
    fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));`);
    const r = runLading(['synth', '--target', 'compose'], dir, { NODE_OPTIONS: `--require ${hook}` });
    expect(r.code).toBe(0);
    const loaded: string[] = JSON.parse(fs.readFileSync(record, 'utf8'));
    // the hook saw the synth: the Compose serializer was loaded
    expect(loaded.some((m) => m.includes(`${path.sep}js-yaml${path.sep}`))).toBe(true);
    expect(loaded.filter((m) => /node_modules[\\/](cdk8s|cdk8s-plus-27|aws-cdk-lib)[\\/]/.test(m))).toEqual([]);
  });

  test('GIVEN --target kubernetes and the cache off WHEN synth runs THEN it loads no other target, graph drawing, render cache or catalogue of codes', () => {
    const dir = projectWithApps({ 'good.ts': GOOD });
    const record = path.join(dir, 'modules.json');
    const hook = path.join(dir, 'hook.js');
    fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));`);
    const r = runLading(['synth', '--target', 'kubernetes'], dir, { NODE_OPTIONS: `--require ${hook}`, LADING_CACHE: '0' });
    expect(r.code).toBe(0);
    const loaded: string[] = JSON.parse(fs.readFileSync(record, 'utf8'));
    const own = loaded.map((m) => path.relative(path.join(__dirname, '..', '..'), m).split(path.sep).join('/')).filter((m) => m.startsWith('lib/'));
    // the hook saw the synth: the Kubernetes target was loaded
    expect(own).toContain('lib/targets/kubernetes/target.ts');
    expect(own.filter((m) => /^lib\/(graph|synth\/cache\/render-|synth\/cache\/versions|diagnostics\/catalogue|targets\/(compose|ecs|docker|swarm)\/)/.test(m))).toEqual([]);
    expect(loaded.filter((m) => /node_modules[\\/]aws-cdk-lib[\\/]/.test(m))).toEqual([]);
  });
});
