import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_FILES, EXAMPLES_DIR, loadExamples } from '../support/examples';
import { manifestFile, renderKubernetes } from '../../lib/targets/kubernetes';

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
    expect(codes.match(/^import .*$/gm)).toEqual(["import type { Severity } from '../../diagnostics/diagnostic';"]);
  });

  test('loading the synth library does not load cdk8s', () => {
    const script = `require('ts-node').register({ transpileOnly: true }); require('./lib/synth');
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/]cdk8s/.test(k)).length));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0');
  });
});
