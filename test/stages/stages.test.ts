import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadApps } from '../../lib/synth/load-apps';
import { resolveStage, stageNameProblem } from '../../lib/synth/resolve-stage';
import { DEFAULT_STAGE, System } from '../../lib/model';
import { MODEL, projectWithApps, ROOT, runLading } from '../support/run-cli';

const STAGED = `
import { Image, Service, System, type Stage } from ${MODEL};
export default function shop(stage: Stage): System {
  const app = new System('shop');
  new Service(app, 'web', { image: Image.of('nginx:1.27'), replicas: stage.name === 'prod' ? 4 : 1 });
  return app;
}
`;
const PLAIN = `
import { Image, Service, System } from ${MODEL};
const app = new System('plain');
new Service(app, 'web', { image: Image.of('nginx:1.27') });
export default app;
`;

describe('stages: an app module may export (stage) => System', () => {
  const dir = projectWithApps({ 'shop.ts': STAGED, 'plain.ts': PLAIN });
  const replicasOf = (stage?: string) => {
    const apps = loadApps(path.join(dir, 'apps'), undefined, stage);
    return Object.fromEntries(apps.map((a) => [a.name, a.spec.services[0].replicas]));
  };

  test('GIVEN a stage function WHEN loaded without a stage THEN it builds the default stage, dev', () => {
    expect(DEFAULT_STAGE).toBe('dev');
    expect(replicasOf()).toEqual({ plain: 1, shop: 1 });
  });

  test('GIVEN a stage function WHEN loaded for prod THEN it builds prod; a System export is the same in every stage', () => {
    expect(replicasOf('prod')).toEqual({ plain: 1, shop: 4 });
  });

  test('GIVEN a stage name that is no DNS label WHEN loaded THEN one line says how to write it', () => {
    expect(() => loadApps(path.join(dir, 'apps'), undefined, 'Prod!')).toThrow(
      '--stage Prod!: a stage name must be a DNS-1123 label (got "Prod!"). Write e.g. --stage prod, or leave it out for the default stage dev.',
    );
    expect(stageNameProblem('prod')).toBeUndefined();
  });

  test('GIVEN a stage function that builds no System for a stage WHEN loaded THEN one line names the stage and what it returned', () => {
    const only = projectWithApps({
      'partial.ts': `import { System, type Stage } from ${MODEL};\nexport default (stage: Stage) => (stage.name === 'prod' ? new System('partial') : undefined);\n`,
    });
    expect(loadApps(path.join(only, 'apps'), undefined, 'prod').map((a) => a.name)).toEqual(['partial']);
    expect(() => loadApps(path.join(only, 'apps'), undefined, 'dev')).toThrow(
      `${path.relative(process.cwd(), path.join(only, 'apps', 'partial.ts'))}: the stage function returned no System for stage dev (got undefined). Return the System for every stage, or throw an Error that names the stages the app knows.`,
    );
  });

  test('GIVEN module.exports = a stage function WHEN resolved THEN it is called with the stage', () => {
    const seen: string[] = [];
    const built = resolveStage((s: { name: string }) => (seen.push(s.name), new System('x')), 'staging');
    expect(System.isSystem(built)).toBe(true);
    expect(seen).toEqual(['staging']);
    expect(resolveStage({ other: 1 }, 'prod')).toEqual({ other: 1 });
  });

  test('GIVEN --stage WHEN lading synth, check and graph run THEN each builds that stage', () => {
    const out = path.join(dir, 'out');
    const synth = runLading(['synth', '--stage', 'prod', '--target', 'compose', '--app', 'shop', '--out', out], dir);
    expect(synth.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'compose', 'shop', 'compose.yaml'), 'utf8')).toContain('replicas: 4');
    const check = runLading(['check', '--stage', 'prod', '--app', 'shop', '--format', 'json', '--target', 'compose'], dir);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).apps.map((a: { name: string }) => a.name)).toEqual(['shop']);
    const bad = runLading(['graph', '--stage', 'PROD', '--format', 'mermaid'], dir);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('error --stage PROD: a stage name must be a DNS-1123 label')]);
  });

  test('GIVEN LADING_STAGE or --stage after the script WHEN the cdk8s app runs THEN it builds that stage', () => {
    const outdir = path.join(dir, 'k8s');
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['-r', path.join(ROOT, 'bin', 'register.js'), path.join(ROOT, 'bin', 'kubernetes.ts'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CDK8S_OUTDIR: outdir, LADING_QUIET: '1', ...env },
      });
    expect(run(['--stage', 'prod'], {}).status).toBe(0);
    expect(fs.readFileSync(path.join(outdir, 'shop.k8s.yaml'), 'utf8')).toMatch(/replicas: 4/);
    expect(run([], { LADING_STAGE: 'dev' }).status).toBe(0);
    expect(fs.readFileSync(path.join(outdir, 'shop.k8s.yaml'), 'utf8')).toMatch(/replicas: 1/);
  });

  test('GIVEN -c stage=prod WHEN the app of cdk.json runs THEN its ECS service asks for the prod replicas', () => {
    const out = path.join(dir, 'cdk.out');
    const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'bin', 'register.js'), path.join(ROOT, 'bin', 'ecs.ts')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LADING_QUIET: '1', CDK_OUTDIR: out, CDK_CONTEXT_JSON: JSON.stringify({ appsDir: path.join(dir, 'apps'), apps: 'shop', stage: 'prod' }) },
      timeout: 120000,
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const templates = fs.readdirSync(out).filter((f) => f.endsWith('.template.json'));
    const counts = templates.flatMap((f) => {
      const t = JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as { Resources: Record<string, { Type: string; Properties: { DesiredCount?: number } }> };
      return Object.values(t.Resources).filter((res) => res.Type === 'AWS::ECS::Service').map((res) => res.Properties.DesiredCount);
    });
    expect(counts).toEqual([4]);
  });
});
