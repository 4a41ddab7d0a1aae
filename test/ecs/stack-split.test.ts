import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSystem } from '../../bench/generate';
import type { SystemSpec } from '../../lib/model/spec';
import { loadApps } from '../../lib/synth/load-apps';
import { EcsDiagnostics } from '../../lib/targets/ecs/diagnostics';
import { checkStackLimits, measureTemplate } from '../../lib/targets/ecs/stack-limits';
import { bucketStackName, planStacks, STACK_LIMITS } from '../../lib/targets/ecs/stack-plan';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { requireTool } from './support/tools';

type Template = { Resources: Record<string, { Type: string }>; Outputs?: Record<string, { Export?: { Name: unknown } }> };

const render = (spec: SystemSpec) => renderEcs(spec, { projectRootFromTargetDir: '../..' }, PROJECT_ROOT);
const templatesOf = (files: readonly { path: string; content: string }[]) =>
  new Map(files.filter((f) => f.path.endsWith('.template.json')).map((f) => [path.basename(f.path, '.template.json'), f.content]));
const typesIn = (content: string) => new Set(Object.values((JSON.parse(content) as Template).Resources).map((r) => r.Type));

/** Every `Fn::ImportValue` name in a template. */
function imports(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => imports(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Fn::ImportValue') out.push(String(v));
      else imports(v, out);
    }
  }
  return out;
}

const spec150 = generateSystem(150).toSpec();
const result150 = render(spec150);
const templates150 = templatesOf(result150.files);

describe('ECS: systems too large for one CloudFormation stack', () => {
  test('GIVEN the example apps WHEN planned THEN each stays one stack', () => {
    for (const app of loadApps(path.join(PROJECT_ROOT, 'apps'))) expect([app.name, planStacks(app.spec).split]).toEqual([app.name, false]);
  });

  test('GIVEN 150 services WHEN rendered THEN the shared stack and the workload stacks each stay within 500 resources, 200 outputs and 1 MB', () => {
    expect(result150.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = planStacks(spec150);
    expect(plan.split).toBe(true);
    expect([...templates150.keys()].sort()).toEqual(['Bench150', ...plan.buckets.map((k) => bucketStackName('Bench150', k))].sort());
    expect(templates150.size).toBeGreaterThan(2);
    for (const [stack, content] of templates150) {
      const m = measureTemplate(stack, content);
      expect(m.resources).toBeLessThanOrEqual(STACK_LIMITS.resources);
      expect(m.outputs).toBeLessThanOrEqual(STACK_LIMITS.outputs);
      expect(m.templateBytes).toBeLessThanOrEqual(STACK_LIMITS.templateBytes);
    }
    const split = result150.diagnostics.find((d) => d.code === 'ecs/stack-split');
    expect(split?.path).toBe('bench-150');
    expect(split?.message).toContain(`the 153 workloads go to ${plan.buckets.length} stacks by the hash of their names`);
  });

  test('GIVEN a split system WHEN rendered THEN the shared infrastructure is in the main stack and only workloads are in the others', () => {
    const shared = typesIn(templates150.get('Bench150')!);
    for (const type of ['AWS::EC2::VPC', 'AWS::ECS::Cluster', 'AWS::ServiceDiscovery::HttpNamespace', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EFS::FileSystem', 'AWS::Logs::LogGroup', 'AWS::SecretsManager::Secret']) {
      expect([type, shared.has(type)]).toEqual([type, true]);
    }
    expect(shared.has('AWS::ECS::Service')).toBe(false);
    expect(shared.has('AWS::ECS::TaskDefinition')).toBe(false);
    const services = new Set<string>();
    for (const [stack, content] of templates150) {
      if (stack === 'Bench150') continue;
      const types = typesIn(content);
      for (const type of ['AWS::EC2::VPC', 'AWS::ECS::Cluster', 'AWS::EFS::FileSystem', 'AWS::ElasticLoadBalancingV2::LoadBalancer']) expect([stack, type, types.has(type)]).toEqual([stack, type, false]);
      const template = JSON.parse(content) as Template & { Resources: Record<string, { Properties?: { ServiceName?: string } }> };
      for (const r of Object.values(template.Resources)) if (r.Type === 'AWS::ECS::Service') services.add(String(r.Properties?.ServiceName));
    }
    expect(services.size).toBe(150);
  });

  test('GIVEN a split system WHEN rendered THEN every cross-stack import names an export of the shared stack, and each workload stack depends on it', () => {
    const shared = JSON.parse(templates150.get('Bench150')!) as Template;
    const exported = new Set(Object.values(shared.Outputs ?? {}).map((o) => JSON.stringify(o.Export?.Name)));
    let count = 0;
    for (const [stack, content] of templates150) {
      if (stack === 'Bench150') continue;
      for (const name of imports(JSON.parse(content))) {
        count++;
        expect([stack, exported.has(JSON.stringify(name))]).toEqual([stack, true]);
      }
      expect(Object.keys((JSON.parse(content) as Template).Outputs ?? {})).toEqual([]);
    }
    expect(count).toBeGreaterThan(0);
    const manifest = JSON.parse(result150.files.find((f) => f.path === 'bench-150/manifest.json')!.content);
    for (const stack of templates150.keys()) {
      if (stack !== 'Bench150') expect([stack, manifest.artifacts[stack].dependencies]).toEqual([stack, expect.arrayContaining(['Bench150'])]);
    }
    expect(manifest.artifacts.Bench150.dependencies ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/Services/)]));
  });

  test('GIVEN the EC2 launch type WHEN a large system is split THEN it renders without errors, within the limits, the capacity in the shared stack', () => {
    const spec = generateSystem(120).toSpec();
    const result = render({ ...spec, options: { ...spec.options, ecs: { ...spec.options.ecs, launchType: 'ec2' } } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const templates = templatesOf(result.files);
    expect(templates.size).toBeGreaterThan(1);
    expect(typesIn(templates.get('Bench120')!).has('AWS::AutoScaling::AutoScalingGroup')).toBe(true);
    for (const [stack, content] of templates) expect([stack, measureTemplate(stack, content).resources <= STACK_LIMITS.resources]).toEqual([stack, true]);
  });

  test('GIVEN the same system WHEN rendered twice THEN the files are identical', () => {
    expect(render(generateSystem(150).toSpec()).files).toEqual(result150.files);
  });

  test('GIVEN a split system WHEN services are added one at a time THEN no other workload changes stack, unless its bucket overflows, and then only part of that one bucket moves, to a new stack', () => {
    let before = planStacks(generateSystem(150).toSpec());
    let splits = 0;
    let quiet = 0;
    for (let n = 151; n <= 250; n++) {
      const after = planStacks(generateSystem(n).toSpec());
      const added = `svc-${String(n - 1).padStart(4, '0')}`;
      const moved = [...before.bucketOf].filter(([name, key]) => after.bucketOf.get(name) !== key);
      if (moved.length === 0) {
        quiet++;
        expect(after.buckets).toEqual(before.buckets);
      } else {
        splits++;
        const from = [...new Set(moved.map(([, key]) => key))];
        const to = [...new Set(moved.map(([name]) => after.bucketOf.get(name)!))];
        expect(from).toHaveLength(1);
        expect(to).toHaveLength(1);
        expect(before.buckets).not.toContain(to[0]);
        expect(after.buckets.filter((k) => !before.buckets.includes(k))).toEqual(to);
        expect(to[0].startsWith(from[0])).toBe(true);
        const size = [...before.bucketOf.values()].filter((key) => key === from[0]).length;
        expect(moved.length).toBeLessThan(size);
        expect([from[0], to[0]]).toContain(after.bucketOf.get(added));
      }
      before = after;
    }
    expect(splits).toBeGreaterThan(0);
    expect(quiet).toBeGreaterThan(90);
  });

  test('GIVEN a dependency whose workload landed in another stack WHEN rendered THEN an info says CloudFormation does not order them', () => {
    const across = result150.diagnostics.filter((d) => d.code === 'ecs/depends-on-across-stacks');
    expect(across.length).toBeGreaterThan(0);
    const plan = planStacks(spec150);
    for (const d of across) {
      const [, mine, theirs] = /^(\S+) and (\S+) are in different stacks/.exec(d.message)!;
      expect(plan.bucketOf.get(mine)).not.toBe(plan.bucketOf.get(theirs));
      expect(d.severity).toBe('info');
    }
  });

  test('GIVEN a template over a limit WHEN checked THEN an ecs/stack-limits error names the stack and each limit', () => {
    const d = new EcsDiagnostics();
    checkStackLimits('shop', [{ stack: 'Shop', resources: 501, outputs: 201, templateBytes: 1_000_001 }, { stack: 'Shop-Services', resources: 500, outputs: 200, templateBytes: 1_000_000 }], d);
    expect(d.all).toEqual([
      {
        code: 'ecs/stack-limits',
        severity: 'error',
        target: 'ecs',
        path: 'shop (Shop)',
        message: 'the stack Shop has 501 resources (at most 500), 201 outputs (at most 200), a template of 1000001 bytes (at most 1000000): CloudFormation refuses it',
        fix: 'Use fewer networks, volumes or secrets in one system (they share one stack), or split the system in two.',
      },
    ]);
  });

  test('GIVEN the 150-service system WHEN cfn-lint checks all its templates in one run THEN it finds nothing', () => {
    requireTool('cfn-lint', ['--version'], 'Install it with `pip install cfn-lint==1.51.0`.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-split-lint-'));
    try {
      const paths = [...templates150].map(([stack, content]) => {
        const p = path.join(dir, `${stack}.template.json`);
        fs.writeFileSync(p, content);
        return p;
      });
      const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...paths], { encoding: 'utf8', timeout: 600000 });
      const findings = JSON.parse(r.stdout || '[]') as { Level: string; Rule: { Id: string }; Message: string; Filename: string }[];
      expect(findings.map((f) => `${path.basename(f.Filename)} ${f.Level} ${f.Rule.Id}: ${f.Message}`)).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600000);
});
