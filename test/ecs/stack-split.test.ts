import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { generateSystem } from '../../bench/generate';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { Image, Job, Mount, Network, Port, Secret, Service, Sidecar, System, Volume } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { loadExamples } from '../support/examples';
import { renderTarget } from '../../lib/synth/render-target';
import { Reporter } from '../../lib/diagnostics/reporter';
import { assemblyReader } from '../../lib/targets/ecs/assembly';
import { ECS_CODES } from '../../lib/targets/ecs/codes';
import { checkSharedInfrastructure, checkStackLimits, checkSynthesizedStacks, measureTemplate } from '../../lib/targets/ecs/stack-limits';
import { bucketStackName, planStacks, sharedWeight, STACK_LIMITS } from '../../lib/targets/ecs/stack-plan';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { cfnLint, findingLines } from './support/cfn-lint';

type Template = { Resources: Record<string, { Type: string }>; Outputs?: Record<string, { Export?: { Name: unknown } }> };

const render = (spec: SystemSpec) => renderEcs(spec, { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
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
    for (const app of loadExamples()) expect([app.name, planStacks(app.spec).split]).toEqual([app.name, false]);
  });

  test('GIVEN the templates as aws-cdk-lib writes them, or laid out otherwise WHEN measured THEN the resources and outputs are those of the parsed template', () => {
    const counts = (content: string) => {
      const t = JSON.parse(content) as { Resources?: object; Outputs?: object };
      return { resources: Object.keys(t.Resources ?? {}).length, outputs: Object.keys(t.Outputs ?? {}).length, templateBytes: Buffer.byteLength(content, 'utf8') };
    };
    for (const [stack, content] of templates150) {
      const expected = { stack, ...counts(content) };
      expect(measureTemplate(stack, content)).toEqual(expected);
      expect(measureTemplate(stack, JSON.stringify(JSON.parse(content)))).toEqual({ ...expected, templateBytes: Buffer.byteLength(JSON.stringify(JSON.parse(content))) });
    }
    const odd = { Description: 'names "Outputs" and\n "Resources": {', Resources: { A: { Type: 'T', Properties: { B: { C: 'd' }, E: ['f'] } }, G: { Type: 'T' } }, Outputs: {} };
    for (const indent of [1, 2, 0]) {
      const content = JSON.stringify(odd, undefined, indent);
      expect(measureTemplate('Odd', content)).toEqual({ stack: 'Odd', ...counts(content) });
    }
    expect(measureTemplate('Empty', JSON.stringify({ Resources: {} }, undefined, 1))).toEqual({ stack: 'Empty', resources: 0, outputs: 0, templateBytes: 20 });
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
    for (const type of ['AWS::EC2::VPC', 'AWS::ECS::Cluster', 'AWS::ServiceDiscovery::PrivateDnsNamespace', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EFS::FileSystem', 'AWS::Logs::LogGroup', 'AWS::SecretsManager::Secret']) {
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

  test('GIVEN workloads on internal networks only that mount a volume, in workload stacks of their own WHEN rendered THEN the file system admits each and each reaches it by rules in its own stack, and the shared stack refers to none of them', () => {
    const sys = generateSystem(150);
    const vault = new Network(sys, 'vault-net', { internal: true });
    const data = new Volume(sys, 'vault-data', { size: '1Gi' });
    const names = Array.from({ length: 6 }, (_, i) => `vault-${i}`);
    for (const name of names) new Service(sys, name, { image: Image.of('vault:1'), networks: [vault], mounts: [Mount.volume(data, '/data')] });
    const spec = sys.toSpec();
    const result = render(spec);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual([]);
    const templates = templatesOf(result.files);
    const plan = planStacks(spec);
    const shared = JSON.parse(templates.get('Bench150')!) as Template;
    expect(imports(shared)).toEqual([]);
    for (const name of names) {
      const own = JSON.parse(templates.get(bucketStackName('Bench150', plan.bucketOf.get(name)!))!) as Template;
      const rules = Object.entries(own.Resources).filter(([id]) => id.startsWith(`${name.replace('-', '')}SecurityGroup`) && id.includes('vaultdata'));
      expect(rules.map(([, r]) => r.Type).sort()).toEqual(['AWS::EC2::SecurityGroupEgress', 'AWS::EC2::SecurityGroupIngress']);
    }
  });

  test('GIVEN a template over a limit WHEN checked THEN an ecs/stack-limits error names the stack and each limit', () => {
    const d = new Reporter(ECS_CODES, 'ecs');
    checkStackLimits('shop', [{ stack: 'Shop', resources: 501, outputs: 201, templateBytes: 1_000_001 }, { stack: 'Shop-Services', resources: 500, outputs: 200, templateBytes: 1_000_000 }], d);
    expect(d.diagnostics).toEqual([
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

  test('GIVEN synthesized templates in a cloud assembly WHEN the stacks are checked THEN each template file is measured and only the one over a limit is an error', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-limits-'));
    try {
      const outputs = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`Out${i}`, { Value: 'x' }]));
      fs.writeFileSync(path.join(outdir, 'Shop.template.json'), JSON.stringify({ Resources: { A: { Type: 'AWS::SNS::Topic' } }, Outputs: outputs }));
      fs.writeFileSync(path.join(outdir, 'Shop-Services.template.json'), JSON.stringify({ Resources: { B: { Type: 'AWS::SNS::Topic' } } }));
      const d = new Reporter(ECS_CODES, 'ecs');
      checkSynthesizedStacks('shop', [{ stackName: 'Shop', templateFile: 'Shop.template.json' }, { stackName: 'Shop-Services', templateFile: 'Shop-Services.template.json' }], assemblyReader(outdir), d);
      expect(d.diagnostics.map((x) => [x.code, x.severity, x.path, x.message])).toEqual([
        ['ecs/stack-limits', 'error', 'shop (Shop)', 'the stack Shop has 201 outputs (at most 200): CloudFormation refuses it'],
      ]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('GIVEN synthesized templates whose stacks are known WHEN one is over a limit THEN the error says what of that stack makes it large', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), secretEnv: { KEY: new Secret(sys, 'key') } });
    new Service(sys, 'api', { image: Image.of('nginx:1.27') });
    const script = new Job(sys, 'script', { image: Image.of('ubuntu:22.04'), restart: 'no', command: ['sh', '-c', 'echo x'.repeat(10)], env: { A: 'a' } });
    new Sidecar(script, 'shipper', { image: Image.of('busybox:1.36'), env: { SMALL: 'x', ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`V${i}`, 'y'.repeat(10)])) } });
    const spec = sys.toSpec();
    const [api, web] = spec.services;
    const d = new Reporter(ECS_CODES, 'ecs');
    const over = { resources: 10, outputs: 201, templateBytes: 1_000_001 };
    checkStackLimits('shop', [
      { stack: 'Shop', ...over, templateBytes: 10, contents: { kind: 'shared', spec } },
      { stack: 'Shop-Services', ...over, outputs: 0, contents: { kind: 'workloads', spec, workloads: [api, web] } },
      { stack: 'Shop-Services-1', ...over, outputs: 0, contents: { kind: 'workloads', spec, workloads: [spec.jobs[0]] } },
    ], d);
    expect(d.diagnostics.map((x) => formatDiagnostic(x))).toEqual([
      "error [ecs] ecs/stack-limits shop (Shop): the stack Shop has 201 outputs (at most 200): CloudFormation refuses it; it holds the shared infrastructure, and an output for each of its values that the workload stacks use (got the VPC (11), the cluster and log group (2), 1 secret (1), 1 network (1)). Create fewer secrets (a Secret with existingName refers to one that exists and adds no resource), or split the system into several Systems.",
      'error [ecs] ecs/stack-limits shop (Shop-Services): the stack Shop-Services has a template of 1000001 bytes (at most 1000000): CloudFormation refuses it (got the workloads api, web). Make the largest of them smaller (large env or command values into a Secret or a file in the image), or split the system into several Systems.',
      "error [ecs] ecs/stack-limits shop/script/shipper env: the stack Shop-Services-1, which holds only this job, has a template of 1000001 bytes, over CloudFormation's limit of 1000000 (got 256 bytes in env). Move large values out of env: into a Secret (secretEnv), or into a file in the image.",
    ]);
  });

  /** A system with `secrets` secrets, the first `used` of them in the env of its one service. */
  const vault = (secrets: number, used = secrets): SystemSpec => {
    const sys = new System('vault');
    const secretEnv: Record<string, Secret> = {};
    for (let i = 0; i < secrets; i++) {
      const secret = new Secret(sys, `secret-${i}`);
      if (i < used) secretEnv[`S${i}`] = secret;
    }
    new Service(sys, 'api', { image: Image.of('nginx:1.27'), secretEnv });
    return sys.toSpec();
  };

  test('GIVEN secrets that alone overflow the shared stack WHEN rendered as lading synth does THEN one ecs/stack-limits error says what is over and what to change, with no files and no synthesis', async () => {
    const synth = jest.spyOn(Stage.prototype, 'synth');
    try {
      const result = await renderTarget('ecs', vault(490), path.join(PROJECT_ROOT, 'dist', 'ecs'), PROJECT_ROOT);
      expect(result.files).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => formatDiagnostic(d))).toEqual([
        "error [ecs] ecs/stack-limits vault (Vault): the shared infrastructure alone needs about 504 resources in the stack Vault, over CloudFormation's limit of 500, and unlike workloads it cannot move to other stacks (got 490 secrets (490), the VPC (11), the cluster and log group (2), 1 network (1)). Create fewer secrets (a Secret with existingName refers to one that exists and adds no resource), or split the system into several Systems.",
      ]);
      expect(synth).not.toHaveBeenCalled();
    } finally {
      synth.mockRestore();
    }
  });

  test('GIVEN secrets that just fit the shared stack WHEN rendered THEN no error, and the shared stack holds as many resources as the plan estimated', () => {
    // each secret that a workload stack uses is an output of the shared stack: few are used, to stay under 200 outputs
    const spec = vault(480, 5);
    const result = render(spec);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const shared = measureTemplate('Vault', templatesOf(result.files).get('Vault')!);
    expect(shared.resources).toBe(sharedWeight(spec).resources);
    expect(shared.resources).toBeLessThanOrEqual(STACK_LIMITS.resources);
  });

  test('GIVEN many networks and volumes WHEN the shared infrastructure is checked THEN the error lists them, largest first, and the fix names them', () => {
    const sys = new System('lab');
    for (let i = 0; i < 150; i++) new Network(sys, `net-${i}`);
    for (let i = 0; i < 80; i++) new Volume(sys, `vol-${i}`);
    new Service(sys, 'api', { image: Image.of('nginx:1.27') });
    const spec = sys.toSpec();
    const d = new Reporter(ECS_CODES, 'ecs');
    expect(checkSharedInfrastructure(spec, 'Lab', d)).toBe(false);
    expect(d.diagnostics.map((x) => formatDiagnostic(x))).toEqual([
      "error [ecs] ecs/stack-limits lab (Lab): the shared infrastructure alone needs about 564 resources in the stack Lab, over CloudFormation's limit of 500, and unlike workloads it cannot move to other stacks (got 80 volumes (400), 151 networks (151), the VPC (11), the cluster and log group (2)). Use fewer networks or volumes, or split the system into several Systems.",
    ]);
  });

  test('GIVEN one service whose published ports alone exceed 500 resources WHEN rendered THEN its stack is measured after synthesis and the error names the service and its ports', () => {
    const sys = new System('edge');
    new Service(sys, 'edge', { image: Image.of('nginx:1.27'), ports: Array.from({ length: 130 }, (_, i) => Port.tcp(10_000 + i).publish()) });
    const result = render(sys.toSpec());
    expect(result.files).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual([
      "error [ecs] ecs/stack-limits edge/edge ports: the stack Edge-Services, which holds only this service, has 527 resources, over CloudFormation's limit of 500 (got 130 published ports, each with a target group, a listener and security-group rules). Publish fewer ports on this service, or spread them over several services.",
    ]);
  });

  test('GIVEN the 150-service system WHEN cfn-lint checks all its templates in one run THEN it finds nothing', () => {
    const r = cfnLint([...templates150].map(([stack, content]) => ({ path: `${stack}.template.json`, content })), 600000);
    expect(findingLines(r.findings)).toEqual([]);
    expect(r.status).toBe(0);
  }, 600000);
});
