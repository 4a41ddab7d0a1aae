import { CfnOutput, Stack, Tags, type App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { checkSystem } from './checks';
import type { EcsDiagnostics } from './diagnostics';
import {
  buildCapacity,
  buildLogGroup,
  buildNamespace,
  buildNetworkGroups,
  buildSecrets,
  buildVolumes,
  buildVpc,
} from './infrastructure';
import { buildJob } from './jobs';
import { buildLoadBalancers, type ServiceTarget } from './load-balancers';
import { workloadsOf } from './mounts';
import { stackNameOf } from './names';
import { publishedPorts } from './plan';
import { buildService } from './services';
import { checkSharedInfrastructure, type StackContents } from './stack-limits';
import { bucketStackName, planStacks, STACK_LIMITS } from './stack-plan';
import { buildTaskDefinition, networkModeOf, type TaskContext } from './task-definitions';

export interface SystemStackOptions {
  /** Absolute path of the project root: where build contexts start. */
  readonly projectRoot: string;
}

/**
 * Adds the stack of one system to `app`: VPC, cluster, security groups per network, EFS volumes, secrets, a task
 * definition per workload, ECS services, scheduled jobs and load balancers. Returns undefined (and reports
 * errors) when the system cannot run on ECS as described.
 */
export function buildSystemStack(app: App, spec: SystemSpec, d: EcsDiagnostics, options: SystemStackOptions): Stack | undefined {
  return buildSystemStacks(app, spec, d, options)?.main;
}

/** The stacks of one system: the main one, and in a split system the workload stacks (see stack-plan.ts). */
export interface SystemStacks {
  /** The whole system, or in a split system its shared infrastructure. */
  readonly main: Stack;
  /** Every stack, the main one first. */
  readonly stacks: readonly Stack[];
  /** What each stack holds, for the limits check after synthesis (stack-limits.ts). */
  readonly contents: ReadonlyMap<Stack, StackContents>;
}

function newStack(app: App, stackName: string, description: string, system: string): Stack {
  const stack = new Stack(app, stackName, { stackName, description });
  // cfn-lint 1.51 does not know Tags on listeners yet
  Tags.of(stack).add('lading:system', system, { excludeResourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] });
  return stack;
}

/**
 * The same, split across stacks when one would exceed CloudFormation's limits: shared infrastructure in the main
 * stack, workloads in buckets of their own stacks that reference it (`cdk deploy --all` deploys the main stack first).
 */
export function buildSystemStacks(app: App, spec: SystemSpec, d: EcsDiagnostics, options: SystemStackOptions): SystemStacks | undefined {
  checkSystem(spec, d);
  if (d.hasErrors) return undefined;
  const stackName = stackNameOf(spec.name);
  const plan = planStacks(spec);
  // shared infrastructure too large for any stack: one error now, rather than aws-cdk-lib's exception in synth
  if (!checkSharedInfrastructure(spec, stackName, d)) return undefined;
  const stack = newStack(app, stackName, plan.split ? `${spec.name}: shared infrastructure of the containers rendered by lading` : `${spec.name}: containers rendered by lading`, spec.name);
  const bucketStacks = new Map<string, Stack>();
  const contents = new Map<Stack, StackContents>([[stack, { kind: plan.split ? 'shared' : 'system', spec }]]);
  const bucketWorkloads = new Map<string, WorkloadSpec[]>(plan.buckets.map((key) => [key, []]));
  for (const w of workloadsOf(spec)) {
    const key = plan.bucketOf.get(w.name);
    if (key !== undefined) bucketWorkloads.get(key)!.push(w);
  }
  for (const key of plan.buckets) {
    const name = bucketStackName(stackName, key);
    const bucket = newStack(app, name, `${spec.name}: workloads rendered by lading (bucket ${key === '' ? '0' : key} of the names' hashes)`, spec.name);
    bucket.addStackDependency(stack);
    bucketStacks.set(key, bucket);
    contents.set(bucket, { kind: 'workloads', spec, workloads: bucketWorkloads.get(key)! });
  }
  if (plan.split) {
    d.add('ecs/stack-split', `${spec.name}`, `one stack would exceed CloudFormation's limits (${STACK_LIMITS.resources} resources, ${STACK_LIMITS.outputs} outputs, a 1 MB template): shared infrastructure stays in ${stackName}, the ${spec.services.length + spec.jobs.length} workloads go to ${plan.buckets.length} stacks by the hash of their names (${plan.buckets.map((k) => bucketStackName(stackName, k)).join(', ')})`, 'Deploy them all with cdk deploy --all; the shared stack goes first.');
  }
  const stackOf = (w: WorkloadSpec): Stack => (plan.split ? bucketStacks.get(plan.bucketOf.get(w.name)!)! : stack);
  const ec2Launch = spec.options.ecs.launchType === 'ec2';

  const vpc = buildVpc(stack, spec);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  new CfnOutput(stack, 'ClusterName', { value: cluster.clusterName, description: `${spec.name}: the ECS cluster` });
  const capacity = ec2Launch ? buildCapacity(cluster, spec, d) : undefined;
  if (ec2Launch && (spec.networks.length > 1 || spec.networks.some((n) => n.internal))) {
    d.add('ecs/ec2-network-isolation', `${spec.name} networks`, `tasks in bridge mode share the container instances' security group: the networks ${spec.networks.map((n) => n.name).join(', ')} do not isolate them`, 'Use the Fargate launch type to keep one security group per network.');
  }
  const namespace = buildNamespace(cluster, spec);
  const logGroup = buildLogGroup(stack, spec, d);
  const secrets = buildSecrets(stack, spec);
  const networkGroups = ec2Launch ? new Map<string, ec2.SecurityGroup>() : buildNetworkGroups(stack, vpc, spec, d);
  const volumes = buildVolumes(stack, vpc, spec, d);
  const published = publishedPorts(spec);
  const taskContext: TaskContext = { spec, d, secrets, logGroup, projectRoot: options.projectRoot, volumes };

  const workloadGroups = (w: WorkloadSpec, scope: Construct): ec2.ISecurityGroup[] | undefined => {
    if (networkModeOf(spec, w) !== 'awsvpc') return undefined;
    const own = new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description: `${w.path}: the workload itself`, allowAllOutbound: true });
    return [own, ...w.networks.map((n) => networkGroups.get(n)!)];
  };
  const checkedByTargetGroup = (w: WorkloadSpec) => {
    const h = w.main.health;
    return h !== undefined && h.kind !== 'command' && published.some((p) => p.service.name === w.name && p.port.containerPort === h.port && (h.kind === 'tcp' || p.kind === 'alb'));
  };

  const targets = new Map<string, ServiceTarget>();
  const services = new Map<string, ecs.BaseService>();
  for (const s of spec.services) {
    const scope = new Construct(stackOf(s), s.name);
    const groups = workloadGroups(s, scope);
    const identity: ec2.IConnectable = groups ? groups[0] : capacity!;
    const task = buildTaskDefinition(scope, s, taskContext, identity, checkedByTargetGroup(s));
    if (!task) continue;
    const isPublished = published.some((p) => p.service.name === s.name);
    const service = buildService(scope, s, task, { spec, d, cluster, namespace, securityGroups: groups, published: isPublished });
    labelTags(s, [task.taskDefinition, service], d);
    services.set(s.name, service);
    targets.set(s.name, { service, networkMode: task.networkMode, identity });
  }
  for (const j of spec.jobs) {
    const scope = new Construct(stackOf(j), j.name);
    const groups = workloadGroups(j, scope);
    const identity: ec2.IConnectable = groups ? groups[0] : capacity!;
    const task = buildTaskDefinition(scope, j, taskContext, identity, false);
    if (!task) continue;
    labelTags(j, [task.taskDefinition], d);
    buildJob(scope, j, task, { spec, d, cluster, servesByName: namespace !== undefined, securityGroups: groups });
  }
  for (const w of [...spec.services, ...spec.jobs]) {
    for (const dep of w.dependsOn) {
      const mine = services.get(w.name);
      const theirs = services.get(dep.name);
      if (mine && theirs && Stack.of(mine) === Stack.of(theirs)) mine.node.addDependency(theirs);
      else if (mine && theirs) {
        d.add('ecs/depends-on-across-stacks', `${w.path} dependsOn`, `${w.name} and ${dep.name} are in different stacks (${Stack.of(mine).stackName}, ${Stack.of(theirs).stackName}): CloudFormation does not order their creation`, 'Deploy the stack of the dependency first, or make the workload retry until its dependency answers.');
      }
      const waits = dep.condition === 'started' ? 'start' : dep.condition === 'healthy' ? 'be healthy' : 'complete';
      d.add('ecs/depends-on', `${w.path} dependsOn`, `ECS orders creation only: ${w.name} does not wait for ${dep.name} to ${waits}`, 'Make the workload retry until its dependency answers.');
    }
  }
  buildLoadBalancers(stack, vpc, spec, published, targets, d);
  if (d.hasErrors) return undefined;
  return { main: stack, stacks: [stack, ...plan.buckets.map((key) => bucketStacks.get(key)!)], contents };
}

/** What AWS accepts in a tag: letters, digits, spaces and `_ . : / = + - @`; keys up to 128, values up to 256. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function labelTags(w: WorkloadSpec, constructs: Construct[], d: EcsDiagnostics): void {
  for (const [key, value] of Object.entries(w.main.labels)) {
    const fits = TAG_TEXT.test(key) && TAG_TEXT.test(value) && key.length >= 1 && key.length <= 128 && value.length <= 256 && !key.startsWith('aws:');
    if (!fits) {
      d.add('ecs/label-not-tag', `${w.path} labels.${key}`, `the label is kept as a docker label but is not a valid AWS tag (got ${JSON.stringify(`${key}=${value}`)})`, 'Use letters, digits, spaces and _ . : / = + - @ only, at most 128 characters for the key and 256 for the value, to have it as a tag too.');
      continue;
    }
    for (const c of constructs) Tags.of(c).add(key, value);
  }
}
