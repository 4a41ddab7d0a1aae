import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment of a user's shell: none of the npm_* variables of the `npm test` that may be running this. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, FORCE_COLOR: '0', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command as a user would; fails with its output when it exits non-zero. */
function run(command: string, args: readonly string[], cwd: string, extra: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: userEnv(extra), timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} ${args.join(' ')} in ${cwd} could not run: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = (s: string) => s.split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} in ${cwd} exited ${r.status}\n--- stdout\n${tail(r.stdout)}\n--- stderr\n${tail(r.stderr)}`);
  }
  return r.stdout;
}

/**
 * lading as a user gets it: the tarball of `npm pack`, installed without dev dependencies into a fresh project,
 * `lading init` a new project, and that project's synth, tests (twice: the second compares the snapshot the first
 * wrote) and type check. Uses npm and the registry (or npm's cache).
 */
describe('the npm package', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-pack-'));
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    const packed = JSON.parse(run(NPM, ['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, packed[0].filename);
    files = packed[0].files.map((f) => f.path).sort();
  }, 1_200_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }), 600_000);

  test('GIVEN npm pack THEN the tarball holds the built library, its declarations and the bin entries, and no test/, bench/, .ci/, apps/ or TypeScript sources', () => {
    expect(fs.existsSync(tarball)).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/lading.js', 'bin/register.js', 'bin/ecs-entry.js', 'bin/kubernetes-entry.js', 'dist-lib/bin/cli.js', 'dist-lib/lib/index.js', 'dist-lib/lib/index.d.ts', 'dist-lib/lib/testing/index.js', 'dist-lib/lib/testing/index.d.ts']));
    expect(files.filter((f) => /^(test|bench|\.ci|apps|scripts|lib)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  test('GIVEN the tarball installed with --omit=dev WHEN lading init app THEN the new project installs, synthesizes, passes its tests twice and type-checks', () => {
    const host = path.join(work, 'host');
    fs.mkdirSync(host);
    run(NPM, ['init', '-y'], host);
    run(NPM, ['install', '--omit=dev', '--prefer-offline', tarball], host);
    expect(run(NPX, ['--no-install', 'lading', '--version'], host).trim()).toBe(require('../../package.json').version);
    const installed = path.join(host, 'node_modules', 'lading');
    const workload = fs.readFileSync(path.join(installed, 'dist-lib', 'lib', 'model', 'workload.d.ts'), 'utf8');
    expect(workload).toContain('export declare abstract class Workload');
    expect(workload).not.toMatch(/\b_(main|props|networks|dependsOn|restart)\b/); // @internal members stripped

    // lading import, outside this repository, writes an app that imports 'lading', and it synthesizes
    fs.writeFileSync(path.join(host, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n');
    run(NPX, ['--no-install', 'lading', 'import', 'compose.yaml', '--name', 'imported'], host);
    expect(fs.readFileSync(path.join(host, 'apps', 'imported.ts'), 'utf8')).toMatch(/^import \{ [A-Za-z, ]+ \} from 'lading';$/m);
    expect(run(NPX, ['--no-install', 'lading', 'synth', '--target', 'compose'], host)).toMatch(/^1 app, 1 target, 1 file; 0 errors, /m);

    const created = run(NPX, ['--no-install', 'lading', 'init', 'app'], host);
    expect(JSON.parse(fs.readFileSync(path.join(host, 'app', 'package.json'), 'utf8')).dependencies).toEqual({ lading: `file:../../${path.basename(tarball)}` });
    expect(created).toContain('next: cd app && npm install && npm run synth && npm test');
    const app = path.join(host, 'app');
    expect(fs.readFileSync(path.join(app, 'apps', 'web.ts'), 'utf8')).toContain("from 'lading';");

    run(NPM, ['install', '--prefer-offline'], app);
    expect(run(NPM, ['run', 'synth'], app)).toMatch(/^1 app, \d+ targets, \d+ files; 0 errors, /m);
    expect(fs.existsSync(path.join(app, 'dist', 'compose', 'web', 'compose.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'dist', 'kubernetes', 'web.k8s.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'dist', 'ecs', 'web', 'Web.template.json'))).toBe(true);

    // the first run writes the Kubernetes snapshot, the second (as CI runs it) must match it
    run(NPM, ['test', '--', '--ci=false'], app);
    const snapshot = path.join(app, 'test', '__snapshots__', 'web.test.ts.snap');
    expect(fs.readFileSync(snapshot, 'utf8')).toContain('"kind": "Deployment"');
    run(NPM, ['test', '--', '--ci'], app, { CI: 'true' });
    run(NPX, ['--no-install', 'tsc', '--noEmit'], app);

    // the entries cdk.json and cdk8s.yaml name
    run(NPX, ['--no-install', 'lading-ecs-app'], app, { CDK_OUTDIR: path.join(work, 'cdk.out') });
    expect(fs.existsSync(path.join(work, 'cdk.out', 'Web.template.json'))).toBe(true);
    run(NPX, ['--no-install', 'lading-kubernetes-app'], app, { CDK8S_OUTDIR: path.join(work, 'k8s') });
    expect(fs.readFileSync(path.join(work, 'k8s', 'web.k8s.yaml'), 'utf8')).toContain('kind: Deployment');
  }, 1_500_000);
});
