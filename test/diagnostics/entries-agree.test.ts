import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `lading synth`, the cdk.json entry (`cdk synth`, which runs bin/ecs.ts) and the cdk8s.yaml entry (bin/kubernetes.ts)
 * report the same diagnostics for the same app: one pipeline applies its suppressions and adds the lint rules.
 */

const MODEL = JSON.stringify(path.join(PROJECT_ROOT, 'lib', 'model'));

/** Two echo services publishing a udp port: `quiet` turns off ecs/udp-by-name and a lint rule, `loud` does not. */
const APP = [
  `import { Image, Port, Service, System } from ${MODEL};`,
  "const app = new System('echoes');",
  "new Service(app, 'quiet', {",
  "  image: Image.of('ealen/echo-server:0.9.2'),",
  '  ports: [Port.tcp(45678).publish(45678), Port.udp(1234).publish()],',
  "  suppress: { 'ecs/udp-by-name': 'clients use the IP address', 'lint/no-resource-limits': 'sized by the platform', 'kubernetes/logging': 'the kubelet rotates' },",
  '});',
  "new Service(app, 'loud', { image: Image.of('ealen/echo-server:0.9.2'), ports: [Port.tcp(45679).publish(45679), Port.udp(1235).publish()] });",
  'export default app;',
].join('\n');

/** A line of a diagnostic as both entries print it: `warning [ecs] ecs/udp-by-name echoes/loud ports[1]: ...`. */
const DIAGNOSTIC = /^(error|warning|info) (\[[a-z, ]+\] )?[a-z]+\/[a-z0-9-]+ /;

function diagnosticLines(...outputs: string[]): string[] {
  return outputs
    .flatMap((o) => o.split('\n'))
    .filter((l) => DIAGNOSTIC.test(l))
    .sort();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { status: number | null; lines: string[]; output: string } {
  const r = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180000 });
  if (r.error) throw r.error;
  return { status: r.status, lines: diagnosticLines(r.stdout, r.stderr), output: `${r.stdout}\n${r.stderr}` };
}

describe('every entry point reports the same', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-entries-'));
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps', 'echoes.ts'), APP);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN an app with suppressions WHEN lading synth, cdk synth (cdk.json) and the cdk8s.yaml app run THEN each target gets the same diagnostics, the suppressed ones in none', () => {
    const apps = path.join(dir, 'apps');
    const lading = path.join(PROJECT_ROOT, 'bin', 'lading.js');
    const synth = (target: string) =>
      run(process.execPath, [lading, 'synth', '--target', target, '--apps-dir', apps, '--out', path.join(dir, `dist-${target}`), '--verbose'], {});
    const cdk = run(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '-c', 'apps=echoes', '-c', `appsDir=${apps}`, '-o', path.join(dir, 'cdk.out'), '--quiet'],
      { LADING_VERBOSE: '1', CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
    );
    const cdk8s = run(process.execPath, ['-r', './bin/register.js', 'bin/kubernetes.ts'], {
      LADING_APPS_DIR: apps,
      CDK8S_OUTDIR: path.join(dir, 'cdk8s.out'),
      LADING_VERBOSE: '1',
    });
    const ecs = synth('ecs');
    const kubernetes = synth('kubernetes');

    expect([ecs.status, kubernetes.status, cdk.status, cdk8s.status]).toEqual([0, 0, 0, 0]);
    expect(cdk.lines).toEqual(ecs.lines);
    expect(cdk8s.lines).toEqual(kubernetes.lines);
    const heads = (lines: string[], code: string) => lines.filter((l) => l.includes(` ${code} `)).map((l) => l.split(':')[0]);
    expect(heads(cdk.lines, 'ecs/udp-by-name')).toEqual(['warning [ecs] ecs/udp-by-name echoes/loud ports[1]']);
    expect(heads(cdk8s.lines, 'kubernetes/logging')).toEqual([]);
    for (const lines of [cdk.lines, cdk8s.lines]) {
      expect(heads(lines, 'lint/no-resource-limits')).toEqual(['warning lint/no-resource-limits echoes/loud resources']);
    }
    expect(cdk.lines.some((l) => l.startsWith('info [ecs] '))).toBe(true);
  });
});
