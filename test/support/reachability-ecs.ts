import type { Reachability } from './reachability';

/**
 * A judge of who reaches whom, read from the CloudFormation templates of one ECS system (all of its stacks, parsed),
 * in the shape of the Compose judge (reachability.ts), so the two can be compared:
 * - a workload is an ECS service (`ServiceName`), a scheduled job (an EventBridge rule's ECS target) or an on-demand
 *   job (the output holding its `aws ecs run-task` network configuration), with the security groups attached to it;
 *   a task without awsvpc configuration (bridge mode) is on the container instances' group, shown as `(instances)`;
 *   a sidecar (a container that is not essential) is `<workload>-<container>`, as Compose names it, in its task;
 * - its networks are the attached groups described as networks (`<system>/<net>: [internal network, ]members ...`);
 * - `a <-> b` when a security group of one admits a group of the other and that one's egress lets it out;
 * - what the outside reaches: each load balancer listener, forwarded to a service's container port, where the load
 *   balancer's group admits the listener port (`<container>/<proto> <- <listener>`, ` from <cidrs>` when the sources
 *   are not everyone). A listener port is always fixed: the outside never reaches a port the platform picked.
 */

type Resource = { Type: string; Properties?: Record<string, any> };
export type CfnTemplate = { Resources?: Record<string, Resource>; Outputs?: Record<string, { Description?: string; Value?: unknown }> };

const NETWORK = /^[^/]+\/([^:]+): (internal network, )?members reach each other/;
const JOB_OUTPUT = /^[^/]+\/([^:]+): aws ecs run-task --network-configuration/;
const INSTANCES = '(instances)';

/** Logical ids of the resources a value refers to by Ref or GetAtt. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.Ref === 'string') out.push(o.Ref);
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att)) out.push(String(att[0]));
    Object.values(o).forEach((v) => refsIn(v, out));
  }
  return out;
}

const protocolsOf = (p: string): string[] => (p === 'TCP_UDP' ? ['tcp', 'udp'] : p === 'UDP' ? ['udp'] : ['tcp']);

/** Reachability in the templates of one ECS system. */
export function ecsReachability(templates: readonly CfnTemplate[]): Reachability {
  const resources: Record<string, Resource> = Object.assign({}, ...templates.map((t) => t.Resources ?? {}));
  const outputs = templates.flatMap((t) => Object.values(t.Outputs ?? {}));
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const isGroup = (id: string) => resources[id]?.Type === 'AWS::EC2::SecurityGroup';

  // workloads and their groups
  const groupsOf = new Map<string, string[]>();
  const familyOfTask = (ref: unknown) => resources[refsIn(ref)[0]]?.Properties?.Family as string | undefined;
  /** Workload (and sidecar) -> the logical id of its task definition. */
  const taskOf = new Map<string, string>();
  for (const [, r] of ofType('AWS::ECS::Service')) {
    const groups = refsIn(r.Properties?.NetworkConfiguration?.AwsvpcConfiguration?.SecurityGroups ?? []).filter(isGroup);
    const name = String(r.Properties?.ServiceName);
    groupsOf.set(name, groups.length > 0 ? groups : [INSTANCES]);
    taskOf.set(name, refsIn(r.Properties?.TaskDefinition)[0]);
  }
  for (const [, r] of ofType('AWS::Events::Rule')) {
    for (const target of r.Properties?.Targets ?? []) {
      if (!target.EcsParameters) continue;
      const family = familyOfTask(target.EcsParameters.TaskDefinitionArn);
      const path = String(r.Properties?.Description ?? '').split(':')[0];
      const name = path.slice(path.indexOf('/') + 1);
      if (!family) continue;
      const groups = refsIn(target.EcsParameters.NetworkConfiguration?.AwsVpcConfiguration?.SecurityGroups ?? []).filter(isGroup);
      groupsOf.set(name, groups.length > 0 ? groups : [INSTANCES]);
      taskOf.set(name, refsIn(target.EcsParameters.TaskDefinitionArn)[0]);
    }
  }
  for (const o of outputs) {
    const m = JOB_OUTPUT.exec(o.Description ?? '');
    if (!m) continue;
    groupsOf.set(m[1], refsIn(o.Value).filter(isGroup));
    const task = ofType('AWS::ECS::TaskDefinition').find(([, r]) => String(r.Properties?.Family).endsWith(`-${m[1]}`));
    if (task) taskOf.set(m[1], task[0]);
  }
  for (const [name, task] of [...taskOf]) {
    for (const c of resources[task]?.Properties?.ContainerDefinitions ?? []) {
      if (c.Essential !== false) continue;
      groupsOf.set(`${name}-${c.Name}`, groupsOf.get(name)!);
      taskOf.set(`${name}-${c.Name}`, task);
    }
  }

  // networks
  const networkOf = (group: string): string | undefined => {
    if (group === INSTANCES) return INSTANCES;
    const m = NETWORK.exec(String(resources[group].Properties?.GroupDescription ?? ''));
    return m ? `${m[1]}${m[2] ? ' (internal)' : ''}` : undefined;
  };
  const networks: Record<string, string[]> = {};
  for (const [name, groups] of groupsOf) networks[name] = groups.map(networkOf).filter((n): n is string => n !== undefined).sort();

  // who admits whom: ingress (group <- source group) and egress (group -> everywhere or a group)
  const admits = new Set<string>();
  const egressAll = new Set<string>();
  const egressTo = new Set<string>();
  for (const [id, r] of ofType('AWS::EC2::SecurityGroup')) {
    for (const rule of r.Properties?.SecurityGroupIngress ?? []) for (const src of refsIn(rule.SourceSecurityGroupId)) admits.add(`${id}<-${src}`);
    for (const rule of r.Properties?.SecurityGroupEgress ?? []) {
      if (rule.CidrIp === '0.0.0.0/0' && rule.IpProtocol === '-1') egressAll.add(id);
      for (const dst of refsIn(rule.DestinationSecurityGroupId)) egressTo.add(`${id}->${dst}`);
    }
    if (r.Properties?.SecurityGroupEgress === undefined) egressAll.add(id);
  }
  for (const [, r] of ofType('AWS::EC2::SecurityGroupIngress')) {
    const [group] = refsIn(r.Properties?.GroupId);
    for (const src of refsIn(r.Properties?.SourceSecurityGroupId)) admits.add(`${group}<-${src}`);
  }
  for (const [, r] of ofType('AWS::EC2::SecurityGroupEgress')) {
    const [group] = refsIn(r.Properties?.GroupId);
    for (const dst of refsIn(r.Properties?.DestinationSecurityGroupId)) egressTo.add(`${group}->${dst}`);
  }
  const reaches = (a: string, b: string): boolean => {
    if (taskOf.get(a) !== undefined && taskOf.get(a) === taskOf.get(b)) return true;
    const from = groupsOf.get(a)!;
    const to = groupsOf.get(b)!;
    if (from.includes(INSTANCES) && to.includes(INSTANCES)) return true;
    return to.some((g) => from.some((s) => admits.has(`${g}<-${s}`) && from.some((e) => egressAll.has(e) || egressTo.has(`${e}->${g}`))));
  };
  const names = [...groupsOf.keys()].sort();
  const peers: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) if (reaches(names[i], names[j]) || reaches(names[j], names[i])) peers.push(`${names[i]} <-> ${names[j]}`);
  }

  // what the outside reaches through the load balancers
  const serviceOfGroup = new Map<string, { name: string; containerPort: number }>();
  for (const [, r] of ofType('AWS::ECS::Service')) {
    for (const lb of r.Properties?.LoadBalancers ?? []) for (const tg of refsIn(lb.TargetGroupArn)) serviceOfGroup.set(tg, { name: String(r.Properties?.ServiceName), containerPort: lb.ContainerPort });
  }
  const lbIngress = (lbGroups: string[], port: number, protocol: string): string[] => {
    const cidrs: string[] = [];
    for (const g of lbGroups) {
      for (const rule of resources[g]?.Properties?.SecurityGroupIngress ?? []) {
        if (rule.CidrIp && rule.IpProtocol === protocol && rule.FromPort <= port && port <= rule.ToPort) cidrs.push(rule.CidrIp);
      }
    }
    return cidrs.sort();
  };
  const published: string[] = [];
  for (const [, r] of ofType('AWS::ElasticLoadBalancingV2::Listener')) {
    const lb = resources[refsIn(r.Properties?.LoadBalancerArn)[0]];
    const lbGroups = refsIn(lb?.Properties?.SecurityGroups ?? []).filter(isGroup);
    for (const action of r.Properties?.DefaultActions ?? []) {
      for (const tg of refsIn(action.TargetGroupArn)) {
        const target = serviceOfGroup.get(tg);
        if (!target) continue;
        for (const protocol of protocolsOf(String(r.Properties?.Protocol))) {
          const cidrs = lbIngress(lbGroups, r.Properties?.Port, protocol);
          if (cidrs.length === 0) continue;
          const host = String(r.Properties?.Port);
          const from = cidrs.length === 1 && cidrs[0] === '0.0.0.0/0' ? '' : ` from ${cidrs.join(',')}`;
          published.push(`${target.name} ${target.containerPort}/${protocol} <- ${host}${from}`);
        }
      }
    }
  }
  return { networks, peers, published: published.sort() };
}
