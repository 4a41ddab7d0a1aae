import { spawnSync } from 'child_process';
import * as path from 'path';
import { generateSystem } from '../../bench/generate';
import { sortDiagnostics } from '../../lib/diagnostics/pipeline';
import { Dependency, Image, Port, Service } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { renderAll } from '../../lib/synth/parallel/render-pool';
import { joinerOf } from '../../lib/synth/parts';
import { planStacks } from '../../lib/targets/ecs/stack-plan';
import { partBuckets } from '../../lib/targets/ecs/stack-parts';
import { ecsTarget, renderEcs } from '../../lib/targets/ecs/target';
import type { TargetPart } from '../../lib/targets/target';
import { loadExamples } from '../support/examples';
import { PROJECT_ROOT } from './support/ecs-kit';
import { routedSystem } from './support/routed-system';
import { cfnLint, findingLines } from './support/cfn-lint';

const context = { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' };
const joiner = joinerOf('ecs')!;
const byPath = (files: readonly { path: string; content: string }[]) => Object.fromEntries(files.map((f) => [f.path, f.content]));

/** Renders `spec` in `count` parts here, one after the other, and joins them as the render pool does. */
function inParts(spec: SystemSpec, count: number): { parts: TargetPart[]; joined: ReturnType<typeof joiner.join> } {
  const parts = Array.from({ length: count }, (_, index) => ecsTarget.renderPart!(spec, context, { index, count }) as TargetPart);
  return { parts, joined: joiner.join(spec, context, parts) };
}

/**
 * 150 generated services, and a service publishing 53 on tcp and udp (one TCP_UDP listener) and 514 on udp (a
 * health check on tcp) that depends on a generated service. On EC2 the load balancers admit the container instances,
 * in the main stack; on Fargate each service's own security group, in its stack.
 */
function mixedSystem(launchType: 'ec2' | 'fargate'): SystemSpec {
  const sys = generateSystem(150, 'mixed');
  const upstream = sys.node.findChild('svc-0042') as Service;
  new Service(sys, 'edge', {
    image: Image.of('registry.example.com/edge:1.0'),
    ports: [Port.tcp(53).publish(53), Port.udp(53).publish(53), Port.udp(514).publish(514)],
    dependsOn: [Dependency.started(upstream)],
  });
  const spec = sys.toSpec();
  return { ...spec, options: { ...spec.options, ecs: { ...spec.options.ecs, launchType } } };
}

describe('ECS: a split system rendered in parts, one per thread', () => {
  // parts of any size, so that systems of a few hundred services render in parts (1,000 services and jobs by default)
  const before = process.env.LADING_PART_WORKLOADS;
  beforeAll(() => {
    process.env.LADING_PART_WORKLOADS = '1';
  });
  afterAll(() => {
    if (before === undefined) delete process.env.LADING_PART_WORKLOADS;
    else process.env.LADING_PART_WORKLOADS = before;
  });

  test('GIVEN the default part size WHEN counting the parts of a 150-service split system THEN 1: a part of fewer than 1,000 services and jobs costs more than it saves', () => {
    const spec = generateSystem(150).toSpec();
    expect(planStacks(spec).buckets.length).toBeGreaterThan(1);
    expect(joiner.partsOf(spec, 2)).toBe(2);
    process.env.LADING_PART_WORKLOADS = '';
    try {
      expect(joiner.partsOf(spec, 2)).toBe(1);
    } finally {
      process.env.LADING_PART_WORKLOADS = '1';
    }
  });

  test('GIVEN 150 services split over stacks WHEN rendered on 2 worker threads and in one THEN the files and the diagnostics are identical', async () => {
    const spec = generateSystem(150).toSpec();
    expect(joiner.partsOf(spec, 2)).toBe(2);
    const job = { target: 'ecs' as const, spec, targetDir: path.join(PROJECT_ROOT, 'dist', 'ecs'), projectRoot: PROJECT_ROOT };
    const [serial] = await renderAll([job], 1);
    const [parallel] = await renderAll([job], 2);
    expect(serial.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(serial.files.length).toBeGreaterThan(10);
    expect(parallel.files.map((f) => f.path)).toEqual(serial.files.map((f) => f.path));
    expect(byPath(parallel.files)).toEqual(byPath(serial.files));
    expect(sortDiagnostics(parallel.diagnostics)).toEqual(sortDiagnostics(serial.diagnostics));
    expect(parallel.outputs).toEqual(serial.outputs);
  }, 300000);

  describe('GIVEN a split system on EC2 with tcp and udp published and dependencies across stacks', () => {
    const spec = mixedSystem('ec2');
    const serial = renderEcs(spec, context);
    const { parts, joined } = inParts(spec, 3);

    test('WHEN rendered in 3 parts and joined THEN every file is byte-identical to the serial render, and the diagnostics are the same', () => {
      expect(serial.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(planStacks(spec).buckets.length).toBeGreaterThanOrEqual(3);
      expect(joined.files.map((f) => f.path)).toEqual(serial.files.map((f) => f.path));
      expect(byPath(joined.files)).toEqual(byPath(serial.files));
      expect(sortDiagnostics(joined.diagnostics)).toEqual(sortDiagnostics(serial.diagnostics));
      for (const code of ['ecs/stack-split', 'ecs/depends-on-across-stacks', 'ecs/udp-health-check']) expect([code, joined.diagnostics.some((d) => d.code === code)]).toEqual([code, true]);
    });

    test('WHEN rendered in parts THEN each part holds the main stack and its own workload stacks only, and the join adds the exports the other parts use', () => {
      const main = 'mixed/Mixed.template.json';
      const outputs = (files: readonly { path: string; content: string }[]) => Object.keys(JSON.parse(byPath(files)[main]).Outputs as object);
      const stacksOf = (files: readonly { path: string; content: string }[]) => files.filter((f) => f.path.endsWith('.template.json') && f.path !== main).map((f) => f.path);
      const runs = partBuckets(spec, 3);
      parts.forEach((part, i) => expect(stacksOf(part.files)).toHaveLength(runs[i].length));
      expect(parts.flatMap((p) => stacksOf(p.files)).sort()).toEqual(stacksOf(serial.files));
      const all = outputs(joined.files);
      for (const part of parts) {
        expect(outputs(part.files).length).toBeLessThan(all.length);
        expect(all).toEqual(expect.arrayContaining(outputs(part.files)));
      }
    });

    test('WHEN cfn-lint checks the joined templates in one run THEN it finds nothing', () => {
      const templates = joined.files.filter((f) => f.path.endsWith('.template.json')).map((f) => ({ path: path.basename(f.path), content: f.content }));
      const r = cfnLint(templates, 600000);
      expect(findingLines(r.findings)).toEqual([]);
      expect(r.status).toBe(0);
    }, 600000);
  });

  test('GIVEN the same system on Fargate WHEN rendered in 2 parts and joined THEN every file is byte-identical to the serial render', () => {
    const spec = mixedSystem('fargate');
    const serial = renderEcs(spec, context);
    const { joined } = inParts(spec, 2);
    expect(serial.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(byPath(joined.files)).toEqual(byPath(serial.files));
    expect(sortDiagnostics(joined.diagnostics)).toEqual(sortDiagnostics(serial.diagnostics));
  });

  describe.each(['ec2', 'fargate'] as const)('GIVEN a split system on %s whose services in several stacks have routes', (launchType) => {
    const spec = routedSystem(launchType);
    const serial = renderEcs(spec, context);
    const count = planStacks(spec).buckets.length;
    const { parts, joined } = inParts(spec, count);

    test('WHEN rendered in one part per bucket and joined THEN every file is byte-identical to the serial render', () => {
      expect(serial.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(count).toBeGreaterThanOrEqual(3);
      expect(joined.files.map((f) => f.path)).toEqual(serial.files.map((f) => f.path));
      expect(byPath(joined.files)).toEqual(byPath(serial.files));
      expect(sortDiagnostics(joined.diagnostics)).toEqual(sortDiagnostics(serial.diagnostics));
    });

    test('WHEN rendered in parts THEN the main stack\'s resources are the same in every part, whichever routed services it builds', () => {
      const resources = (part: TargetPart) => JSON.stringify(JSON.parse(byPath(part.files)['routed/Routed.template.json']).Resources);
      const routedIn = partBuckets(spec, count).map((run) => [...planStacks(spec).bucketOf].filter(([name, key]) => name.startsWith('site-') && run.includes(key)).length);
      expect(new Set(routedIn).size).toBeGreaterThan(1);
      for (const part of parts.slice(1)) expect(resources(part)).toBe(resources(parts[0]));
    });
  });

  test('GIVEN systems that stay one stack, or one thread WHEN counting parts THEN 1; a split system gets one part per thread, at most one per bucket', () => {
    for (const app of loadExamples()) expect([app.name, joiner.partsOf(app.spec, 2)]).toEqual([app.name, 1]);
    const spec = generateSystem(150).toSpec();
    const buckets = planStacks(spec).buckets;
    expect(joiner.partsOf(spec, 1)).toBe(1);
    expect(joiner.partsOf(spec, 3)).toBe(3);
    expect(joiner.partsOf(spec, 64)).toBe(buckets.length);
  });

  test('GIVEN a split system WHEN its buckets are shared among parts THEN each part has a contiguous run of them, in plan order, of about as many workloads', () => {
    const spec = generateSystem(400).toSpec();
    const plan = planStacks(spec);
    for (const count of [2, 3, plan.buckets.length]) {
      const runs = partBuckets(spec, count);
      expect(runs).toHaveLength(count);
      expect(runs.flat()).toEqual(plan.buckets);
      for (const run of runs) expect(run.length).toBeGreaterThan(0);
    }
    const sizes = partBuckets(spec, 2).map((run) => [...plan.bucketOf.values()].filter((key) => run.includes(key)).length);
    expect(Math.abs(sizes[0] - sizes[1])).toBeLessThan(plan.bucketOf.size / 3);
  });

  test('GIVEN the joiner WHEN loaded THEN it loads no aws-cdk-lib: the thread that joins renders nothing', () => {
    const register = path.join(PROJECT_ROOT, 'bin', 'register.js');
    const joinerModule = path.join(PROJECT_ROOT, 'lib', 'targets', 'ecs', 'stack-parts.ts');
    const script = `require(${JSON.stringify(register)}); require(${JSON.stringify(joinerModule)}); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('aws-cdk-lib') || k.includes('constructs'))));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
