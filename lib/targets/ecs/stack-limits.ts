import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { publishedPorts } from './ports';
import { sharedParts, sharedWeight, STACK_LIMITS, type SharedParts } from './stack-plan';
import { containersOf } from './workloads';

/** What one synthesized template holds, against CloudFormation's limits. */
interface StackMeasure {
  readonly stack: string;
  readonly resources: number;
  readonly outputs: number;
  readonly templateBytes: number;
}

/** What a stack was built to hold: a whole system, the shared infrastructure of a split one, or some of its workloads. */
export type StackContents =
  | { readonly kind: 'system' | 'shared'; readonly spec: SystemSpec }
  | { readonly kind: 'workloads'; readonly spec: SystemSpec; readonly workloads: readonly WorkloadSpec[] };

/** Counts the resources and outputs of a template and its size in bytes. */
export function measureTemplate(stack: string, content: string): StackMeasure {
  let resources = countIndentedKeys(content, 'Resources');
  let outputs = countIndentedKeys(content, 'Outputs');
  if (resources === undefined || outputs === undefined) {
    const template = JSON.parse(content) as { Resources?: object; Outputs?: object };
    resources = Object.keys(template.Resources ?? {}).length;
    outputs = Object.keys(template.Outputs ?? {}).length;
  }
  return { stack, resources, outputs, templateBytes: Buffer.byteLength(content, 'utf8') };
}

/**
 * The keys of a top-level object of a template as aws-cdk-lib writes it (`JSON.stringify(template, undefined, 1)`),
 * counted without parsing it: each is a line that starts with two spaces and a quote between the line that opens
 * the object and the line, one space and `}`, that closes it (no string holds a line break, and deeper lines start
 * with more spaces). 0 when the template has no such object; undefined when the text is not laid out that way (a
 * first line of `{` and a second of one space and a key show the indentation of one space).
 */
function countIndentedKeys(content: string, key: string): number | undefined {
  if (!content.startsWith('{\n "') || !content.endsWith('\n}')) return undefined;
  const start = content.indexOf(`\n "${key}": `);
  if (start < 0) return 0;
  const open = start + key.length + 6;
  if (content.startsWith('{}', open)) return 0;
  if (!content.startsWith('{\n', open)) return undefined;
  const end = content.indexOf('\n }', open);
  let count = 0;
  for (let at = content.indexOf('\n  "', open); at >= 0 && at < end; at = content.indexOf('\n  "', at + 4)) count++;
  return count;
}

const GENERIC_FIX = 'Use fewer networks, volumes or secrets in one system (they share one stack), or split the system in two.';

/**
 * Before synthesis: the shared infrastructure cannot be spread over stacks, so when the plan's estimate of it alone
 * is over CloudFormation's resource limit no split helps. Reports one error (aws-cdk-lib would otherwise throw
 * TooManyResourcesInStack during synth) and returns false; true when the shared infrastructure fits.
 */
export function checkSharedInfrastructure(spec: SystemSpec, stackName: string, d: EcsReporter): boolean {
  const total = sharedWeight(spec).resources;
  if (total <= STACK_LIMITS.resources) return true;
  const parts = sharedParts(spec);
  d.report(
    'ecs/stack-limits',
    `${spec.name} (${stackName})`,
    `the shared infrastructure alone needs about ${total} resources in the stack ${stackName}, over CloudFormation's limit of ${STACK_LIMITS.resources}, and unlike workloads it cannot move to other stacks (got ${describeShared(parts)})`,
    sharedFix(parts),
  );
  return false;
}

/** `490 secrets (490), the VPC (11), 1 network (1)`: the parts that add resources, largest first. */
function describeShared(parts: SharedParts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const named: [string, number][] = [
    [plural(parts.secrets.count, 'secret', 'secrets'), parts.secrets.resources],
    [plural(parts.networks.count, 'network', 'networks'), parts.networks.resources],
    [plural(parts.volumes.count, 'volume', 'volumes'), parts.volumes.resources],
    [plural(parts.loadBalancers.count, 'load balancer', 'load balancers'), parts.loadBalancers.resources],
    ['the VPC', parts.vpc.resources],
    [parts.cluster.resources > 2 ? 'the cluster, log group and namespace' : 'the cluster and log group', parts.cluster.resources],
    ['the EC2 capacity', parts.capacity.resources],
  ];
  return named
    .filter(([, resources]) => resources > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([what, resources]) => `${what} (${resources})`)
    .join(', ');
}

/** What makes the shared infrastructure smaller, for the parts this system has. */
function sharedFix(parts: SharedParts): string {
  const steps: string[] = [];
  if (parts.secrets.count > 0) steps.push('create fewer secrets (a Secret with existingName refers to one that exists and adds no resource)');
  const fewer = [...(parts.networks.count > 1 ? ['networks'] : []), ...(parts.volumes.count > 0 ? ['volumes'] : [])];
  if (fewer.length > 0) steps.push(`use fewer ${fewer.join(' or ')}`);
  steps.push('split the system into several Systems');
  const text = steps.length === 1 ? steps[0] : `${steps.slice(0, -1).join(', ')}, or ${steps[steps.length - 1]}`;
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** The largest text of a workload that goes into its template: an env value, a command, a label... */
interface LargePart {
  /** Construct path of the container: `shop/job`, `shop/job/shipper`. */
  readonly path: string;
  /** The prop: `env.BIG`, `env`, `command`. */
  readonly prop: string;
  readonly field: 'env' | 'labels' | 'command' | 'entrypoint' | 'health';
  readonly bytes: number;
}

function largestPart(w: WorkloadSpec): LargePart | undefined {
  const fields: { path: string; field: LargePart['field']; bytes: number; largest?: { key: string; bytes: number } }[] = [];
  const size = (text: string) => Buffer.byteLength(text, 'utf8');
  for (const { container: c } of containersOf(w)) {
    for (const [field, entries] of [['env', c.env], ['labels', c.labels]] as const) {
      const items = Object.entries(entries).map(([key, value]) => ({ key, bytes: size(value) }));
      if (items.length === 0) continue;
      const largest = items.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      fields.push({ path: c.path, field, bytes: items.reduce((sum, i) => sum + size(i.key) + i.bytes, 0), largest });
    }
    if (c.command) fields.push({ path: c.path, field: 'command', bytes: size(c.command.join(' ')) });
    if (c.entrypoint) fields.push({ path: c.path, field: 'entrypoint', bytes: size(c.entrypoint.join(' ')) });
    if (c.health?.kind === 'command') fields.push({ path: c.path, field: 'health', bytes: size(c.health.command.join(' ')) });
  }
  if (fields.length === 0) return undefined;
  const top = fields.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  // one value that is most of its field is named; many small ones are the field as a whole
  if (top.largest && top.largest.bytes * 2 >= top.bytes) return { path: top.path, prop: `${top.field}.${top.largest.key}`, field: top.field, bytes: top.largest.bytes };
  return { path: top.path, prop: top.field, field: top.field, bytes: top.bytes };
}

const LARGE_PART_FIX: Record<LargePart['field'], string> = {
  env: 'Move large values out of env: into a Secret (secretEnv), or into a file in the image.',
  labels: 'Keep labels short: move large values into a file in the image.',
  command: 'Move the script into a file in the image and run that file.',
  entrypoint: 'Move the script into a file in the image and run that file.',
  health: 'Move the health-check script into a file in the image and run that file.',
};

/** An error for every limit a template exceeds, saying what in the stack makes it large where its contents are known. */
export function checkStackLimits(system: string, measures: readonly (StackMeasure & { readonly contents?: StackContents })[], d: EcsReporter): void {
  for (const m of measures) {
    const over: string[] = [];
    if (m.resources > STACK_LIMITS.resources) over.push(`${m.resources} resources (at most ${STACK_LIMITS.resources})`);
    if (m.outputs > STACK_LIMITS.outputs) over.push(`${m.outputs} outputs (at most ${STACK_LIMITS.outputs})`);
    if (m.templateBytes > STACK_LIMITS.templateBytes) over.push(`a template of ${m.templateBytes} bytes (at most ${STACK_LIMITS.templateBytes})`);
    if (over.length === 0) continue;
    const problem = `the stack ${m.stack} has ${over.join(', ')}: CloudFormation refuses it`;
    const c = m.contents;
    if (c?.kind === 'workloads' && c.workloads.length === 1 && reportWorkload(c.spec, c.workloads[0], m, d)) continue;
    if (c?.kind === 'shared') {
      const exports = m.outputs > STACK_LIMITS.outputs ? ', and an output for each of its values that the workload stacks use' : '';
      d.report('ecs/stack-limits', `${system} (${m.stack})`, `${problem}; it holds the shared infrastructure${exports} (got ${describeShared(sharedParts(c.spec))})`, sharedFix(sharedParts(c.spec)));
    } else if (c?.kind === 'workloads') {
      d.report('ecs/stack-limits', `${system} (${m.stack})`, `${problem} (got the workloads ${c.workloads.map((w) => w.name).join(', ')})`, 'Make the largest of them smaller (large env or command values into a Secret or a file in the image), or split the system into several Systems.');
    } else {
      d.report('ecs/stack-limits', `${system} (${m.stack})`, problem, GENERIC_FIX);
    }
  }
}

/**
 * A stack that holds one workload and is still too large: names the workload and what of it is large (a template
 * over 1 MB: its largest env value, command...; over 500 resources: its published ports). False when neither explains it.
 */
function reportWorkload(spec: SystemSpec, w: WorkloadSpec, m: StackMeasure, d: EcsReporter): boolean {
  const holds = `the stack ${m.stack}, which holds only this ${w.kind}`;
  if (m.templateBytes > STACK_LIMITS.templateBytes) {
    const part = largestPart(w);
    if (!part) return false;
    d.report('ecs/stack-limits', `${part.path} ${part.prop}`, `${holds}, has a template of ${m.templateBytes} bytes, over CloudFormation's limit of ${STACK_LIMITS.templateBytes} (got ${part.bytes} bytes in ${part.prop})`, LARGE_PART_FIX[part.field]);
    return true;
  }
  if (m.resources > STACK_LIMITS.resources) {
    const ports = publishedPorts(spec).filter((p) => p.service.name === w.name).length;
    if (ports === 0) return false;
    d.report('ecs/stack-limits', `${w.path} ports`, `${holds}, has ${m.resources} resources, over CloudFormation's limit of ${STACK_LIMITS.resources} (got ${ports} published ports, each with a target group, a listener and security-group rules)`, 'Publish fewer ports on this service, or spread them over several services.');
    return true;
  }
  return false;
}

/** What the limits check needs of a synthesized stack (an aws-cdk-lib `Stack` has both). */
interface SynthesizedStack {
  readonly stackName: string;
  /** The template's file name inside the cloud assembly. */
  readonly templateFile: string;
}

/**
 * Measures the template of every stack, as synthesized into the cloud assembly (`read` gives the text of a file in
 * it, assembly.ts's assemblyReader), and reports an error for each limit one exceeds, saying what a stack holds
 * where `contents` knows it (buildSystemStacks records it). Shared by the ECS target and bin/ecs.ts (`cdk synth` /
 * `cdk deploy`).
 */
export function checkSynthesizedStacks(
  system: string,
  stacks: readonly SynthesizedStack[],
  read: (file: string) => string,
  d: EcsReporter,
  contents: ReadonlyMap<SynthesizedStack, StackContents> = new Map(),
): void {
  const measures = stacks.map((stack) => ({
    ...measureTemplate(stack.stackName, read(stack.templateFile)),
    contents: contents.get(stack),
  }));
  checkStackLimits(system, measures, d);
}
