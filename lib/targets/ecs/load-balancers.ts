import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { everySourcePrivate, sourcesOf } from './exposure';
import { targetGroupHealthCheck } from './health-checks';
import type { NetworkMode } from './networks';
import { movedListenerPort, publishedPorts, type LoadBalancerKind, type PublishedPort } from './ports';
import type { BuiltService } from './services';
import { isTcpUdp } from './tcp-udp';
import { PRIVATE_SUBNETS, PUBLIC_SUBNETS } from './vpc';

export interface ServiceTarget {
  /** Undefined when another part of a render in parts builds the service (system-stack.ts). */
  readonly service?: BuiltService;
  readonly networkMode: NetworkMode;
  /** What the load balancer may reach: the service's own security group, or the EC2 container instances. */
  readonly identity: ec2.IConnectable;
}

const EPHEMERAL_PORTS = { from: 32768, to: 65535 };

function portOf(protocol: 'tcp' | 'udp', from: number, to = from): ec2.Port {
  if (protocol === 'udp') return from === to ? ec2.Port.udp(from) : ec2.Port.udpRange(from, to);
  return from === to ? ec2.Port.tcp(from) : ec2.Port.tcpRange(from, to);
}

export function sameStack(a: IConstruct, b: IConstruct): boolean {
  return Stack.of(a) === Stack.of(b);
}

/**
 * The load balancer's group may reach a target. Across stacks both rules go to the target's stack, which already
 * depends on the shared one (aws-cdk-lib would put the ingress rule beside the load balancer's group, a cycle).
 */
export function allowTo(lbGroup: ec2.SecurityGroup, target: ec2.IConnectable, port: ec2.Port, description: string): void {
  const group = target.connections.securityGroups[0];
  if (target.connections.securityGroups.length !== 1 || sameStack(lbGroup, group)) {
    lbGroup.connections.allowTo(target, port, description);
    return;
  }
  group.addIngressRule(lbGroup, port, description);
  lbGroup.addEgressRule(group, port, description, true);
}

const lbText = (kind: LoadBalancerKind): string => (kind === 'alb' ? 'application' : 'network');

/**
 * Two ports published on the same fixed host port cannot share a listener port on the same load balancer. A port
 * published on a dynamic host port whose container port was taken listens on the port publishedPorts chose for it:
 * an info names it, as `docker port` would.
 */
export function checkListenerPorts(spec: SystemSpec, d: EcsReporter): void {
  const seen = new Map<string, string>();
  const published = publishedPorts(spec);
  const where = (p: PublishedPort): string => `${p.service.path} ports[${p.index}]`;
  for (const p of published) {
    if (p.port.publish === 'dynamic') continue;
    const key = `${p.kind}:${p.listenerPort}`;
    const other = seen.get(key);
    if (other) {
      d.report('ecs/listener-port-conflict', where(p), `listener port ${p.listenerPort} on the ${lbText(p.kind)} load balancer is already taken by ${other}`, 'Publish one of them on another host port, or on a dynamic host port.');
    } else {
      seen.set(key, where(p));
    }
  }
  for (const p of published.filter(movedListenerPort)) {
    const c = p.port.containerPort;
    const holder = published.find((o) => o !== p && o.kind === p.kind && o.listenerPort === c);
    const by = holder ? ` by ${where(holder)}` : '';
    d.report(
      'ecs/dynamic-listener-port',
      where(p),
      `${p.port.protocol} port ${c}, published on a dynamic host port, listens on port ${p.listenerPort}: port ${c} of the ${lbText(p.kind)} load balancer is taken${by} (reach it at the ${p.kind === 'alb' ? 'Alb' : 'Nlb'}DnsName output, port ${p.listenerPort})`,
      'Publish it on a fixed host port to choose the port yourself.',
    );
  }
}

/**
 * One load balancer of each kind the system needs: an ALB for ports marked http, an NLB for tcp/udp.
 * Listener P forwards to target C; the load balancer's group is open only on its listener ports, and a service
 * admits it only on the target port.
 */
export function buildLoadBalancers(
  stack: Stack,
  vpc: ec2.IVpc,
  spec: SystemSpec,
  published: readonly PublishedPort[],
  targets: ReadonlyMap<string, ServiceTarget>,
  d: EcsReporter,
  registrations = new Map<string, ecs.CfnService.LoadBalancerProperty[]>(),
): void {
  for (const kind of ['alb', 'nlb'] as LoadBalancerKind[]) {
    const ports = published.filter((p) => p.kind === kind);
    if (ports.length === 0) continue;
    const name = kind === 'alb' ? 'Alb' : 'Nlb';
    const internetFacing = !everySourcePrivate(ports.map((p) => p.port));
    const vpcSubnets = internetFacing ? PUBLIC_SUBNETS : PRIVATE_SUBNETS;
    const sg = new ec2.SecurityGroup(stack, `${name}SecurityGroup`, {
      vpc,
      description: `${spec.name}: ${lbText(kind)} load balancer, open on published ports only`,
      allowAllOutbound: false,
    });
    const lb =
      kind === 'alb'
        ? new elbv2.ApplicationLoadBalancer(stack, name, { vpc, internetFacing, securityGroup: sg, vpcSubnets })
        : new elbv2.NetworkLoadBalancer(stack, name, { vpc, internetFacing, securityGroups: [sg], vpcSubnets });
    new CfnOutput(stack, `${name}DnsName`, { value: lb.loadBalancerDnsName, description: `${spec.name}: address of the published ports` });
    for (const p of ports) {
      const target = targets.get(p.service.name);
      if (!target) continue;
      const c = p.port.containerPort;
      const proto = p.port.protocol;
      const protocols: ('tcp' | 'udp')[] = isTcpUdp(p) ? ['tcp', 'udp'] : [proto];
      for (const each of protocols) {
        const portName = `${each}-${c}`;
        for (const source of sourcesOf(p.port)) {
          const peer = source === '0.0.0.0/0' ? ec2.Peer.anyIpv4() : source.includes(':') ? ec2.Peer.ipv6(source) : ec2.Peer.ipv4(source);
          sg.addIngressRule(peer, portOf(each, p.listenerPort), `${p.service.name} ${isTcpUdp(p) ? portName : p.port.name} published on ${p.listenerPort}`);
        }
        const toTarget = target.networkMode === 'bridge' ? portOf(each, EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to) : portOf(each, c);
        allowTo(sg, target.identity, toTarget, `load balancer to ${p.service.name} ${isTcpUdp(p) ? portName : p.port.name}`);
      }
      if (proto === 'udp') {
        const check = target.networkMode === 'bridge' ? portOf('tcp', EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to) : portOf('tcp', c);
        allowTo(sg, target.identity, check, `health check of ${p.service.name} ${p.port.name}`);
        d.report('ecs/udp-health-check', `${p.service.path} ports[${p.index}]`, `the network load balancer checks udp port ${c} with a TCP connection to port ${c}`, 'Make the service accept TCP on that port, or the targets stay unhealthy.');
      }
      if (p.port.publish === 'dynamic' && target.networkMode === 'awsvpc') {
        d.report('ecs/dynamic-port-fargate', `${p.service.path} ports[${p.index}]`, `Fargate has no dynamic host ports: the load balancer listens on ${movedListenerPort(p) ? `port ${p.listenerPort}` : `the container port ${c}`}`, "Publish it on a fixed port, or set targetOptions.ecs.launchType 'ec2' for a dynamic host port.");
      }
      // the rest is in the service's own stack
      if (!target.service) continue;
      const targetType = target.networkMode === 'awsvpc' ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE;
      const scope = target.service.construct.node.scope!;
      let targetGroup: elbv2.ITargetGroup & { targetGroupArn: string };
      let listener: elbv2.IListener;
      if (lb instanceof elbv2.ApplicationLoadBalancer) {
        targetGroup = new elbv2.ApplicationTargetGroup(scope, `Target-${p.port.name}`, {
          vpc,
          port: c,
          protocol: elbv2.ApplicationProtocol.HTTP,
          targetType,
          healthCheck: targetGroupHealthCheck(p, d),
        });
        const props = { port: p.listenerPort, protocol: elbv2.ApplicationProtocol.HTTP, open: false, defaultTargetGroups: [targetGroup as elbv2.ApplicationTargetGroup] };
        listener = sameStack(lb, scope)
          ? lb.addListener(`Listener-${p.listenerPort}`, props)
          : new elbv2.ApplicationListener(scope, `Listener-${p.listenerPort}`, { loadBalancer: lb, ...props });
      } else {
        const protocol = isTcpUdp(p) ? elbv2.Protocol.TCP_UDP : proto === 'udp' ? elbv2.Protocol.UDP : elbv2.Protocol.TCP;
        targetGroup = new elbv2.NetworkTargetGroup(scope, `Target-${p.port.name}`, {
          vpc,
          port: c,
          protocol,
          targetType,
          healthCheck: { protocol: elbv2.Protocol.TCP, port: 'traffic-port' },
        });
        const props = { port: p.listenerPort, protocol, defaultTargetGroups: [targetGroup as elbv2.NetworkTargetGroup] };
        listener = sameStack(lb, scope)
          ? (lb as elbv2.NetworkLoadBalancer).addListener(`Listener-${p.listenerPort}`, props)
          : new elbv2.NetworkListener(scope, `Listener-${p.listenerPort}`, { loadBalancer: lb as elbv2.NetworkLoadBalancer, ...props });
      }
      target.service.construct.node.addDependency(listener);
      const list = registrations.get(p.service.name) ?? [];
      list.push({ containerName: p.service.main.name, containerPort: c, targetGroupArn: targetGroup.targetGroupArn });
      registrations.set(p.service.name, list);
    }
  }
  for (const [service, list] of registrations) targets.get(service)!.service!.resource.loadBalancers = list;
}
