import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatLines, shownAt, type Verbosity } from '../../lib/diagnostics/pipeline';
import { synth } from '../../lib/synth';
import { EXAMPLE_FILES, EXAMPLES_DIR, loadExamples } from '../support/examples';
import { manifestFile, renderKubernetes } from '../../lib/targets/kubernetes';
import { MODEL, projectWithApps } from '../support/run-cli';

const root = path.join(__dirname, '..', '..');

describe('cdk8s.yaml: npx cdk8s synth', () => {
  test('writes the same dist/kubernetes/<app>.k8s.yaml files as the target renders', () => {
    // GIVEN the cdk8s CLI of the project (a devDependency)
    const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
    if (!fs.existsSync(cli)) throw new Error('cdk8s-cli is not installed: run npm ci (it is a devDependency)');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cdk8s-'));
    try {
      // WHEN cdk8s synthesizes the app of cdk8s.yaml, on the examples (an app of one's own in apps/ is left out)
      const examples = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-cdk8s-apps-'));
      for (const file of EXAMPLE_FILES) fs.symlinkSync(path.join(EXAMPLES_DIR, file), path.join(examples, file));
      const env = { ...process.env, LADING_APPS_DIR: examples };
      const run = spawnSync(cli, ['synth', '--check-upgrade', 'false', '--output', out], { cwd: root, encoding: 'utf8', timeout: 120_000, env });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      // THEN one file per app, byte for byte what render gives
      const apps = loadExamples();
      expect(fs.readdirSync(out).sort()).toEqual(apps.map((a) => manifestFile(a.name)).sort());
      for (const app of apps) {
        const rendered = renderKubernetes(app.spec).files[0].content;
        expect(fs.readFileSync(path.join(out, manifestFile(app.name)), 'utf8')).toBe(rendered);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('cdk8s.yaml runs bin/kubernetes.ts and writes into dist/kubernetes', () => {
    const config = fs.readFileSync(path.join(root, 'cdk8s.yaml'), 'utf8');
    expect(config).toMatch(/^app: node -r \.\/bin\/register\.js bin\/kubernetes\.ts$/m);
    expect(config).toMatch(/^output: dist\/kubernetes$/m);
  });
});

/** Runs the cdk8s app (what cdk8s.yaml runs) on the apps of `project`, writing into `out`. */
function runEntry(project: string, out: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['-r', './bin/register.js', 'bin/kubernetes.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LADING_APPS_DIR: path.join(project, 'apps'), CDK8S_OUTDIR: out, LADING_VERBOSE: '', LADING_QUIET: '', ...env },
    timeout: 120_000,
  });
  return { status: run.status, lines: run.stderr.split('\n').filter((l) => l !== '') };
}

/** What `lading synth --target kubernetes` reports for the apps of `project`, as the pipeline formats it. */
async function synthLines(project: string, verbosity: Verbosity) {
  const result = await synth({ appsDir: path.join(project, 'apps'), targets: ['kubernetes'], outDir: path.join(project, 'dist'), dryRun: true });
  return { failed: result.failed, lines: formatLines(shownAt(result.diagnostics, verbosity)) };
}

const SUPPRESSING_APP = `import { Image, Port, Service, System } from ${MODEL};
const s = new System('shop');
new Service(s, 'web', {
  image: Image.of('nginx:latest'),
  ports: [Port.tcp(80).publish(8080)],
  restart: 'unless-stopped',
  suppress: { 'kubernetes/unless-stopped': 'stopped by scaling to 0', 'lint/no-resource-limits': 'sized by the cluster' },
});
new Service(s, 'api', { image: Image.of('api:1.0'), security: { user: 'app' }, logging: { maxSize: '1m' } });
export default s;
`;

describe('cdk8s.yaml reports what lading synth --target kubernetes reports', () => {
  test.each([
    ['', 'normal'],
    ['LADING_VERBOSE', 'verbose'],
    ['LADING_QUIET', 'quiet'],
  ] as const)('GIVEN an app with suppressions WHEN run with %s THEN the lines of lading synth at %s', async (variable, verbosity) => {
    const project = projectWithApps({ 'shop.ts': SUPPRESSING_APP });
    const out = path.join(project, 'out');
    try {
      const entry = runEntry(project, out, variable ? { [variable]: '1' } : {});
      const expected = await synthLines(project, verbosity);
      expect(entry).toEqual({ status: 0, lines: expected.lines });
      expect(fs.readdirSync(out)).toEqual(['shop.k8s.yaml']);
      if (verbosity === 'verbose') {
        // the target's findings and lint's, without what web suppresses
        expect(entry.lines.map((l) => l.split(' ').slice(0, 4).join(' '))).toEqual([
          'warning lint/no-resource-limits shop/api resources:',
          'info lint/capabilities-not-dropped shop/api security.capabilities.drop:',
          'info lint/writable-root-filesystem shop/api security.readOnlyRootFilesystem:',
          'warning lint/unpinned-image shop/web image:',
          'warning lint/no-log-limit shop/web logging:',
          'info lint/capabilities-not-dropped shop/web security.capabilities.drop:',
          'info lint/writable-root-filesystem shop/web security.readOnlyRootFilesystem:',
          'info lint/runs-as-root shop/web security.user:',
          'info [kubernetes] kubernetes/logging shop/api',
          'warning [kubernetes] kubernetes/user-name shop/api',
        ]);
      }
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  test('GIVEN an app with a target error WHEN run THEN the error as lading synth reports it, exit 1 and no file', async () => {
    const project = projectWithApps({
      'shop.ts': `import { Image, Secret, Service, System } from ${MODEL};
const s = new System('shop');
const pw = new Secret(s, 'db-password', { existingName: 'prod/db' });
new Service(s, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw }, suppress: { 'kubernetes/secret-name': 'an error stays' } });
export default s;
`,
    });
    const out = path.join(project, 'out');
    try {
      const entry = runEntry(project, out);
      const expected = await synthLines(project, 'normal');
      expect(expected.failed).toBe(true);
      expect(entry).toEqual({ status: 1, lines: expected.lines });
      expect(entry.lines.filter((l) => l.startsWith('error [kubernetes] kubernetes/secret-name shop/db-password existingName:'))).toHaveLength(1);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the Kubernetes target is loaded only when it runs', () => {
  test('no module outside the target imports it statically (its codes.ts, plain data, aside)', () => {
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (file !== path.join(root, 'lib', 'targets', 'kubernetes')) visit(file);
        } else if (/\.ts$/.test(entry.name) && /^\s*import[^;]*from\s+['"][^'"]*targets\/kubernetes(?!\/codes['"])/m.test(fs.readFileSync(file, 'utf8'))) {
          offenders.push(path.relative(root, file));
        }
      }
    };
    visit(path.join(root, 'lib'));
    expect(offenders).toEqual([]);
    const codes = fs.readFileSync(path.join(root, 'lib', 'targets', 'kubernetes', 'codes.ts'), 'utf8');
    expect(codes.match(/^import .*$/gm)).toEqual(["import type { CodeOf, CodeTable } from '../../diagnostics/codes';"]);
  });

  test('loading the synth library does not load cdk8s', () => {
    const script = `require('ts-node').register({ transpileOnly: true }); require('./lib/synth');
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/]cdk8s/.test(k)).length));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0');
  });
});
