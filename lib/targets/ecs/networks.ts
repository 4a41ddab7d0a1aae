import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { networkModeOf } from './ec2-networking';
import { allowsAllEgress, platformEgress, reportInternalEgress, restrictEgress } from './internal-egress';
import { EC2_FIX } from './launch-type';
import { OwnSecurityGroup } from './own-security-group';
import { workloadsOf } from './workloads';

/**
 * Named networks on ECS: one security group per network, admitting its members on their ports. Every task has its
 * own network interface (awsvpc); on EC2 a task uses bridge mode for a dynamic host port, or the host network when
 * asked (ec2-networking.ts).
 */

export { networkModeOf, type NetworkMode } from './ec2-networking';


/** The host network needs the EC2 launch type, where it is kept with a warning. */
export function checkHostNetwork(spec: SystemSpec, w: WorkloadSpec, d: EcsReporter): void {
  if (!w.hostNetwork) return;
  if (spec.options.ecs.launchType === 'fargate') {
    d.report('ecs/host-network-fargate', `${w.path} hostNetwork`, 'the host network needs the EC2 launch type: Fargate tasks have their own network interface', `${EC2_FIX}, or leave hostNetwork off.`);
  } else {
    d.report('ecs/host-network', `${w.path} hostNetwork`, "kept as network mode 'host': the task shares the container instance's network and ports");
  }
}

/** With the EC2 launch type, tasks in bridge mode share the instances' security group: networks do not isolate them. */
export function checkEc2Isolation(spec: SystemSpec, d: EcsReporter): void {
  if (spec.options.ecs.launchType !== 'ec2') return;
  if (spec.networks.length <= 1 && !spec.networks.some((n) => n.internal)) return;
  for (const w of workloadsOf(spec).filter((x) => networkModeOf(spec, x) === 'bridge')) {
    d.report('ecs/ec2-network-isolation', `${w.path} ports`, `a dynamic host port needs bridge mode, whose tasks share the container instances' security group: the networks ${w.networks.join(', ')} do not isolate ${w.name}`, 'Publish its ports on fixed host ports, so that the task uses awsvpc and one security group per network.');
  }
}

/** One security group per network, with ingress from itself on the ports of its members. */
export function buildNetworkGroups(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, d: EcsReporter): Map<string, ec2.SecurityGroup> {
  const out = new Map<string, ec2.SecurityGroup>();
  const workloads = new Map<string, WorkloadSpec>();
  for (const w of workloadsOf(spec)) if (!workloads.has(w.name)) workloads.set(w.name, w);
  for (const n of spec.networks) {
    const sg = new ec2.SecurityGroup(stack, `Network-${n.name}`, {
      vpc,
      description: `${n.path}: ${n.internal ? 'internal network, ' : ''}members reach each other on their ports`,
      allowAllOutbound: false,
    });
    const rules = new Map<string, ec2.Port>();
    for (const member of n.members) {
      const w = workloads.get(member);
      for (const p of w?.main.ports ?? []) {
        rules.set(`${p.protocol}/${String(p.containerPort).padStart(5, '0')}`, p.protocol === 'udp' ? ec2.Port.udp(p.containerPort) : ec2.Port.tcp(p.containerPort));
      }
    }
    for (const key of [...rules.keys()].sort()) sg.addIngressRule(sg, rules.get(key)!, `${n.name} members on ${key.replace(/\/0*/, ' ')}`);
    out.set(n.name, sg);
  }
  reportInternalEgress(spec, d);
  return out;
}

/**
 * The security groups of an awsvpc task: its own (the identity that load balancers and file systems admit) first,
 * then one per network; undefined for bridge and host mode, where the container instances' group applies.
 */
export function workloadSecurityGroups(scope: Construct, vpc: ec2.IVpc, spec: SystemSpec, w: WorkloadSpec, networkGroups: ReadonlyMap<string, ec2.ISecurityGroup>): ec2.ISecurityGroup[] | undefined {
  if (networkModeOf(spec, w) !== 'awsvpc') return undefined;
  const allEgress = allowsAllEgress(spec, w);
  const own = new OwnSecurityGroup(scope, 'SecurityGroup', { vpc, description: `${w.path}: the workload itself`, egress: allEgress ? undefined : platformEgress(w) });
  if (!allEgress) restrictEgress(own, w, networkGroups);
  return [own, ...w.networks.map((n) => networkGroups.get(n)!)];
}
