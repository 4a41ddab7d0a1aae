import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { networkModeOf } from './networks';
import { isInternalOnly } from './subnets';
import { publishedPorts } from './ports';
import { workloadsOf } from './workloads';

/**
 * Egress of a workload only on internal networks: Docker gives it no way out, so its security group allows egress
 * only to its networks' security groups, plus HTTPS (443) for what the platform needs from the task's own
 * interface (image pulls, CloudWatch Logs, Secrets Manager, the ECS agent of Service Connect). DNS needs no rule:
 * security groups do not filter the VPC's resolver. Network groups themselves allow no egress, so a task's way out
 * is its own group's.
 */

const HTTPS = 443;

/** True when the workload's own security group allows all egress. */
export function allowsAllEgress(spec: SystemSpec, w: WorkloadSpec): boolean {
  return !isInternalOnly(spec, w);
}

/** The egress written into an internal-only workload's own group: HTTPS anywhere, for the platform. */
export function platformEgress(w: WorkloadSpec): ec2.CfnSecurityGroup.EgressProperty[] {
  return [{ cidrIp: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: HTTPS, toPort: HTTPS, description: `${w.name}: HTTPS for image pulls, logs and secrets` }];
}

/** Egress of an internal-only workload's own group to its networks' groups (beside the group's platformEgress). */
export function restrictEgress(own: ec2.ISecurityGroup, w: WorkloadSpec, networkGroups: ReadonlyMap<string, ec2.ISecurityGroup>): void {
  for (const n of w.networks) own.addEgressRule(networkGroups.get(n)!, ec2.Port.allTraffic(), `${w.name} reaches the members of ${n}`);
}

/** One finding for the internal-only workloads: what remains open to them and why. */
export function reportInternalEgress(spec: SystemSpec, d: EcsReporter): void {
  const internal = workloadsOf(spec).filter((w) => isInternalOnly(spec, w));
  if (internal.length === 0) return;
  const shared = internal.filter((w) => networkModeOf(spec, w) !== 'awsvpc').map((w) => w.name);
  const on443 = publishedPorts(spec)
    .filter((p) => p.listenerPort === HTTPS && p.port.protocol === 'tcp')
    .map((p) => `${p.service.name} ${p.port.name}`);
  const remains = on443.length > 0 ? `; the load balancer's listener on 443 (${on443.join(', ')}) stays reachable through it` : '';
  const bridged = shared.length > 0 ? `; ${shared.join(', ')} share the container instances' security group, which keeps all egress` : '';
  d.report(
    'ecs/internal-network',
    `${spec.name} networks`,
    `${internal.map((w) => w.name).join(', ')} only join internal networks: no public IP, private subnets, and egress only to their networks plus HTTPS (443) anywhere, which image pulls, logs and secrets need through the NAT gateway${remains}${bridged}`,
  );
}
