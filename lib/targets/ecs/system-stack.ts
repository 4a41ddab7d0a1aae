import { CfnOutput, Stack, Tags, type App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { acknowledgeModelChoices } from './acknowledgements';
import { buildAccessLogs } from './access-logs';
import { addAutoscaling, UNTAGGABLE } from './autoscale';
import { buildRoutes } from './routes';
import { checkSystem } from './checks';
import type { EcsReporter } from './codes';
import { orderDependencies } from './dependencies';
import { buildCapacity } from './ec2-capacity';
import { checkedByTargetGroup } from './health-checks';
import { buildSearchDomain } from './job-names';
import { buildJob } from './jobs';
import { LabelTags, SYSTEM_TAG, tagWithLabels, tagWithServiceLabels } from './labels';
import { buildLoadBalancers, type ServiceTarget } from './load-balancers';
import { pinLogicalIds } from './logical-ids';
import { scanReferencesIn } from './reference-scan';
import { buildLogGroup } from './logs';
import { stackNameOf } from './names';
import { buildNetworkGroups, checkEc2Isolation, networkModeOf, workloadSecurityGroups } from './networks';
import { publishedPorts } from './ports';
import { buildPosture } from './posture';
import { buildSecrets } from './secrets';
import { buildNamespace } from './service-connect';
import { buildService } from './services';
import { checkSharedInfrastructure, type StackContents } from './stack-limits';
import { bucketStackName, planStacks, STACK_LIMITS } from './stack-plan';
import { buildTaskDefinition, type TaskContext } from './task-definitions';
import { buildVolumes } from './volumes';
import { buildVpc } from './vpc';
import { workloadsOf } from './workloads';

interface SystemStackOptions {
  /** Absolute path of the project root: where build contexts start. */
  readonly projectRoot: string;
  /**
   * In a split system, the buckets (stack-plan.ts) whose stacks and workloads to build: one part of a render in
   * parts (lib/synth/parts.ts). The main stack is built whole either way. Every bucket when undefined.
   */
  readonly only?: ReadonlySet<string>;
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
  Tags.of(stack).add(SYSTEM_TAG, system, { excludeResourceTypes: ['AWS::ElasticLoadBalancingV2::Listener', ...UNTAGGABLE] });
  return stack;
}

/**
 * Adds the stacks of one system to `app`: VPC, cluster, security groups per network, EFS volumes, secrets, a task
 * definition per workload, ECS services, scheduled jobs and load balancers; split across stacks when one would
 * exceed CloudFormation's limits (shared infrastructure in the main stack, workloads in buckets of their own stacks
 * that reference it; `cdk deploy --all` deploys the main stack first). Returns undefined (and reports errors) when
 * the system cannot run on ECS as described.
 */
export function buildSystemStacks(app: App, spec: SystemSpec, d: EcsReporter, options: SystemStackOptions): SystemStacks | undefined {
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
  const builds = (key: string) => !options.only || options.only.has(key);
  for (const key of plan.buckets) {
    if (!builds(key)) continue;
    const name = bucketStackName(stackName, key);
    const bucket = newStack(app, name, `${spec.name}: workloads rendered by lading (bucket ${key === '' ? '0' : key} of the names' hashes)`, spec.name);
    bucket.addStackDependency(stack);
    bucketStacks.set(key, bucket);
    contents.set(bucket, { kind: 'workloads', spec, workloads: bucketWorkloads.get(key)! });
  }
  if (plan.split) {
    d.report('ecs/stack-split', `${spec.name}`, `one stack would exceed CloudFormation's limits (${STACK_LIMITS.resources} resources, ${STACK_LIMITS.outputs} outputs, a 1 MB template): shared infrastructure stays in ${stackName}, the ${spec.services.length + spec.jobs.length} workloads go to ${plan.buckets.length} stacks by the hash of their names (${plan.buckets.map((k) => bucketStackName(stackName, k)).join(', ')})`, 'Deploy them all with cdk deploy --all; the shared stack goes first.');
  }
  const stackOf = (w: WorkloadSpec): Stack => (plan.split ? bucketStacks.get(plan.bucketOf.get(w.name)!)! : stack);
  const built = (w: WorkloadSpec): boolean => !plan.split || builds(plan.bucketOf.get(w.name)!);
  const ec2Launch = spec.options.ecs.launchType === 'ec2';

  const vpc = buildVpc(stack, spec);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  new CfnOutput(stack, 'ClusterName', { value: cluster.clusterName, description: `${spec.name}: the ECS cluster` });
  const capacity = ec2Launch ? buildCapacity(cluster, spec, d) : undefined;
  checkEc2Isolation(spec, d);
  const namespace = buildNamespace(cluster, spec);
  buildSearchDomain(stack, vpc, spec, namespace);
  const logGroup = buildLogGroup(stack, spec);
  const secrets = buildSecrets(stack, spec, d);
  const networkGroups = buildNetworkGroups(stack, vpc, spec, d);
  const volumes = buildVolumes(stack, vpc, spec, d);
  const published = publishedPorts(spec);
  const taskContext: TaskContext = { spec, d, secrets, logGroup, projectRoot: options.projectRoot, volumes };

  const targets = new Map<string, ServiceTarget>();
  const services = new Map<string, Construct>();
  const labelTags = new LabelTags();
  const elsewhere = builtElsewhere();
  for (const s of spec.services) {
    if (!built(s)) {
      // built by another part: what the main stack holds for it is built from what the spec says of it
      const networkMode = networkModeOf(spec, s);
      targets.set(s.name, { networkMode, identity: networkMode === 'awsvpc' ? elsewhere(s.name) : capacity! });
      continue;
    }
    const scope = new Construct(stackOf(s), s.name);
    const groups = workloadSecurityGroups(scope, vpc, spec, s, networkGroups);
    const identity: ec2.IConnectable = groups ? groups[0] : capacity!;
    const task = buildTaskDefinition(scope, s, taskContext, identity, checkedByTargetGroup(s, published));
    if (!task) continue;
    const isPublished = published.some((p) => p.service.name === s.name) || s.main.ports.some((p) => p.routes !== undefined);
    const service = buildService(scope, s, task, { spec, d, cluster, namespace, securityGroups: groups, published: isPublished });
    addAutoscaling(service, s, cluster.clusterName);
    tagWithLabels(s, [task.construct, service.construct], d, labelTags);
    tagWithServiceLabels(s, [service.construct], d, labelTags);
    services.set(s.name, service.construct);
    targets.set(s.name, { service, networkMode: task.networkMode, identity });
  }
  for (const j of spec.jobs) {
    if (!built(j)) continue;
    const scope = new Construct(stackOf(j), j.name);
    const groups = workloadSecurityGroups(scope, vpc, spec, j, networkGroups);
    const identity: ec2.IConnectable = groups ? groups[0] : capacity!;
    const task = buildTaskDefinition(scope, j, taskContext, identity, false);
    if (!task) continue;
    tagWithLabels(j, [task.construct], d, labelTags);
    const schedule = buildJob(scope, j, task, { spec, d, cluster, vpc, securityGroups: groups });
    tagWithServiceLabels(j, schedule ? [task.construct, schedule] : [task.construct], d, labelTags);
  }
  orderDependencies(spec, services, (name) => (plan.split ? bucketStackName(stackName, plan.bucketOf.get(name)!) : stackName), d);
  buildLoadBalancers(stack, vpc, spec, published, targets, d, buildRoutes(stack, vpc, spec, targets, d));
  buildAccessLogs(stack, spec);
  buildPosture(stack, vpc, cluster, spec);
  if (d.hasErrors) return undefined;
  labelTags.apply();
  for (const s of [stack, ...bucketStacks.values()]) pinLogicalIds(s);
  for (const s of [stack, ...bucketStacks.values()]) scanReferencesIn(s);
  for (const s of [stack, ...bucketStacks.values()]) acknowledgeModelChoices(s);
  return { main: stack, stacks: [stack, ...plan.buckets.filter(builds).map((key) => bucketStacks.get(key)!)], contents };
}

/**
 * The security group of a workload that another part of the render builds, standing in for it where the main
 * stack admits it: the rules on its side land in a stack outside the App (under a construct tree of its own, which
 * nothing synthesizes), and the main stack comes out as when the workload is built beside it.
 */
function builtElsewhere(): (workload: string) => ec2.ISecurityGroup {
  let scope: Stack | undefined;
  return (workload) => {
    scope ??= new Stack(new Construct(undefined as unknown as Construct, ''), 'Elsewhere');
    return ec2.SecurityGroup.fromSecurityGroupId(scope, workload, `sg-${workload}`);
  };
}
