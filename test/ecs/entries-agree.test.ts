import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from './support/ecs-kit';

/**
 * `lading synth --target ecs` and the cdk.json entry (`cdk synth`, which runs bin/ecs.ts) report the same
 * diagnostics for the same app: one pipeline applies its suppressions and adds the lint rules for both.
 */

const MODEL = JSON.stringify(path.join(PROJECT_ROOT, 'lib', 'model'));

/** Two echo services publishing a udp port: `quiet` turns off ecs/udp-by-name and a lint rule, `loud` does not. */
const APP = [
  `import { Image, Port, Service, System } from ${MODEL};`,
  "const app = new System('echoes');",
  "new Service(app, 'quiet', {",
  "  image: Image.of('ealen/echo-server:0.9.2'),",
  '  ports: [Port.tcp(45678).publish(45678), Port.udp(1234).publish()],',
  "  suppress: { 'ecs/udp-by-name': 'clients use the IP address', 'lint/no-resource-limits': 'sized by the platform' },",
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

describe('ECS: every entry reports the same', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-entries-'));
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps', 'echoes.ts'), APP);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN an app with suppressions WHEN `lading synth --target ecs` and `cdk synth` (LADING_VERBOSE=1) run THEN both print the same diagnostics, the suppressed ones in neither', () => {
    const apps = path.join(dir, 'apps');
    const lading = path.join(PROJECT_ROOT, 'bin', 'lading.js');
    // lading synth prints every note either by default or with --verbose, whichever its help offers
    const help = run(process.execPath, [lading, 'synth', '--help'], {});
    const verbose = /--verbose\b/.test(help.output) ? ['--verbose'] : [];
    const synth = run(process.execPath, [lading, 'synth', '--target', 'ecs', '--apps-dir', apps, '--out', path.join(dir, 'dist'), ...verbose], {});
    const cdk = run(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '-c', 'apps=echoes', '-c', `appsDir=${apps}`, '-o', path.join(dir, 'cdk.out'), '--quiet'],
      { LADING_VERBOSE: '1', CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
    );

    expect([synth.status, cdk.status]).toEqual([0, 0]);
    expect(cdk.lines).toEqual(synth.lines);
    expect(cdk.lines.filter((l) => l.includes('ecs/udp-by-name')).map((l) => l.split(':')[0])).toEqual(['warning [ecs] ecs/udp-by-name echoes/loud ports[1]']);
    expect(cdk.lines.filter((l) => l.includes('lint/no-resource-limits')).map((l) => l.split(':')[0])).toEqual(['warning lint/no-resource-limits echoes/loud resources']);
    expect(cdk.lines.some((l) => l.startsWith('info [ecs] '))).toBe(true);
  });
});
