import type { SystemSpec } from '../../model/spec';
import { toEventBridgeCron } from './cron';
import type { EcsDiagnostics } from './diagnostics';
import { containersOf, ownMounts, workloadsOf } from './mounts';
import { needsPrivateSubnets, needsPublicSubnets, publishedPorts } from './plan';
import { smallestFargateSize, workloadNeed } from './task-size';

const EC2_FIX = "Set targetOptions.ecs.launchType 'ec2' on the System";

/** Checks that need no AWS construct: what the launch type, EventBridge and the VPC allow. */
export function checkSystem(spec: SystemSpec, d: EcsDiagnostics): void {
  const fargate = spec.options.ecs.launchType === 'fargate';
  for (const w of workloadsOf(spec)) {
    if (w.hostNetwork) {
      if (fargate) d.add('ecs/host-network-fargate', `${w.path} hostNetwork`, 'the host network needs the EC2 launch type: Fargate tasks have their own network interface', `${EC2_FIX}, or leave hostNetwork off.`);
      else d.add('ecs/host-network', `${w.path} hostNetwork`, "kept as network mode 'host': the task shares the container instance's network and ports");
    }
    for (const c of containersOf(w)) {
      if (c.container.privileged) {
        if (fargate) d.add('ecs/privileged-fargate', `${c.container.path} privileged`, 'privileged containers need the EC2 launch type: Fargate runs none', `${EC2_FIX}, or drop privileged.`);
        else d.add('ecs/privileged', `${c.container.path} privileged`, 'kept: the container has full access to the container instance');
      }
      for (const { mount, index } of ownMounts(w, c)) {
        if (mount.kind !== 'bind') continue;
        const where = `${c.container.path} mounts[${index}]`;
        if (fargate) {
          d.add('ecs/bind-mount-fargate', where, `bind mounts need the EC2 launch type: Fargate has no host to mount ${JSON.stringify(mount.source)} from`, `${EC2_FIX}, or use Mount.volume / Mount.ephemeral.`);
        } else if (!mount.source.startsWith('/')) {
          d.add('ecs/bind-mount-relative', where, `the container instance has no project directory: ${JSON.stringify(mount.source)} is mounted from ${bindSourcePath(spec.name, mount.source)}`, 'Put the files there on every container instance, or bind an absolute path.');
        }
      }
    }
    if (fargate) {
      const need = workloadNeed(w);
      if (!smallestFargateSize(need)) {
        d.add('ecs/fargate-task-too-large', `${w.path} resources`, `the containers need ${need.cpu} CPU units and ${need.memory} MiB, more than the largest Fargate task (16384 CPU units, 122880 MiB)`, `Lower cpus or memory, or ${EC2_FIX.toLowerCase()}.`);
      }
    }
  }
  for (const job of spec.jobs) {
    if (job.schedule === undefined) continue;
    const cron = toEventBridgeCron(job.schedule);
    if ('problem' in cron) d.add('ecs/cron-days', `${job.path} schedule`, `EventBridge cannot express ${JSON.stringify(job.schedule)}: ${cron.problem}`, 'Set either the day of month or the day of week, and * in the other.');
  }
  const seen = new Map<string, string>();
  for (const p of publishedPorts(spec)) {
    const key = `${p.kind}:${p.listenerPort}`;
    const where = `${p.service.path} ports[${p.index}]`;
    const other = seen.get(key);
    if (other) {
      d.add('ecs/listener-port-conflict', where, `listener port ${p.listenerPort} on the ${p.kind === 'alb' ? 'application' : 'network'} load balancer is already taken by ${other}`, 'Publish one of them on another host port.');
    } else {
      seen.set(key, where);
    }
  }
  const vpc = spec.options.ecs.vpc;
  if (vpc) {
    if (needsPublicSubnets(spec) && vpc.publicSubnetIds.length === 0) {
      d.add('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, 'the VPC has no public subnets, which load balancers and tasks with a public IP need', 'Add publicSubnetIds.');
    }
    if (needsPrivateSubnets(spec) && vpc.privateSubnetIds.length === 0) {
      d.add('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, 'the VPC has no private subnets, which tasks only on internal networks and EC2 container instances need', 'Add privateSubnetIds.');
    }
    for (const [key, ids] of [['publicSubnetIds', vpc.publicSubnetIds], ['privateSubnetIds', vpc.privateSubnetIds]] as const) {
      if (ids.length > 0 && ids.length % vpc.availabilityZones.length !== 0) {
        d.add('ecs/vpc-subnets', `${spec.name} targetOptions.ecs.vpc`, `${key} has ${ids.length} subnets for ${vpc.availabilityZones.length} availability zones`, 'Give one subnet per availability zone, in the order of availabilityZones.');
      }
    }
  }
}

/** Where a relative bind-mount source lives on a container instance. */
export function bindSourcePath(systemName: string, source: string): string {
  if (source.startsWith('/')) return source;
  const parts: string[] = [];
  for (const part of source.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return ['/opt', systemName, ...parts].join('/');
}
