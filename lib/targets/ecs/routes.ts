import { CfnOutput, Duration, type Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { routeUrl } from '../../model/route';
import type { SystemSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import { targetGroupHealthCheck } from './health-checks';
import { allowTo, sameStack, type ServiceTarget } from './load-balancers';
import { byText } from './ports';
import { routedPorts, type Routed } from './routed-ports';
import { PUBLIC_SUBNETS } from './vpc';


/** The routes in the order of their listener rules' priorities (the first is priority 1): by host, then the longest path prefix. */
function routeOrder(routed: readonly Routed[]): Routed[] {
  return [...routed].sort((a, b) => byText(a.route.host, b.route.host) || b.route.path.length - a.route.path.length || byText(a.route.path, b.route.path) || byText(a.route.scheme, b.route.scheme));
}

/** The certificate of the https hosts, or undefined after an error says what is missing. */
function certificateOf(stack: Stack, spec: SystemSpec, hosts: readonly string[], zone: route53.IHostedZone | undefined, d: EcsReporter): string | undefined {
  const o = spec.options.ecs;
  if (o.certificateArn) return o.certificateArn;
  if (zone) {
    const [first, ...rest] = hosts;
    return new acm.Certificate(stack, 'RoutesCertificate', {
      domainName: first,
      ...(rest.length > 0 ? { subjectAlternativeNames: rest } : {}),
      validation: acm.CertificateValidation.fromDns(zone),
    }).certificateArn;
  }
  d.report(
    'ecs/route-certificate',
    `${spec.name} targetOptions.ecs`,
    `the https routes of ${hosts.join(', ')} need a certificate on the load balancer's HTTPS listener, and none is given (got no certificateArn and no hostedZone)`,
    "Set targetOptions.ecs.certificateArn to an ACM certificate for these hosts, or hostedZone: { zoneId, zoneName } for a DNS-validated one.",
  );
  return undefined;
}

/**
 * The system's routes on one shared Application Load Balancer: an HTTPS listener on 443 (the certificate from
 * `targetOptions.ecs`) with a rule per host and path prefix, longest prefix first; HTTP on 80 redirecting to HTTPS
 * (or forwarding the http routes); a target group per routed port; with a hosted zone, an alias record per host.
 * The load balancer, its listeners, certificate and records are in `stack`; each service's target groups, listener
 * rules and the rules of its security group are in the service's stack (load-balancers.ts does the same for
 * published ports), so that in a split system the shared stack refers to no workload stack.
 * Returns the target groups each ECS service registers with, by service name.
 */
export function buildRoutes(stack: Stack, vpc: ec2.IVpc, spec: SystemSpec, targets: ReadonlyMap<string, ServiceTarget>, d: EcsReporter): Map<string, ecs.CfnService.LoadBalancerProperty[]> {
  const registrations = new Map<string, ecs.CfnService.LoadBalancerProperty[]>();
  const routed = routedPorts(spec);
  if (routed.length === 0) return registrations;
  for (const r of routed) {
    if (r.port.publish === 'none' || r.route !== r.port.routes![0]) continue;
    d.report('ecs/routed-port', `${r.service.path} ports[${r.index}].routes`, `the port has a route (${routeUrl(r.route)}): it is reached through the routes' load balancer, and no listener of its own publishes it`, 'Leave out publish(...) for a routed port, or drop the route to publish it on its own.');
  }
  const o = spec.options.ecs;
  const zone = o.hostedZone ? route53.HostedZone.fromHostedZoneAttributes(stack, 'RoutesZone', { hostedZoneId: o.hostedZone.zoneId, zoneName: o.hostedZone.zoneName }) : undefined;
  if (o.hostedZone) {
    const suffix = `.${o.hostedZone.zoneName}`;
    for (const r of routed) {
      if (r.route.host === o.hostedZone.zoneName || r.route.host.endsWith(suffix)) continue;
      d.report('ecs/route-zone', `${r.service.path} ports[${r.index}].routes`, `the host ${r.route.host} is not in the hosted zone ${o.hostedZone.zoneName}: no certificate or record can be made for it (got ${routeUrl(r.route)})`, `Use a host under ${o.hostedZone.zoneName}, or the hostedZone that holds ${r.route.host}.`);
    }
  }
  const httpsHosts = [...new Set(routed.filter((r) => r.route.scheme === 'https').map((r) => r.route.host))].sort(byText);
  const certificateArn = httpsHosts.length > 0 ? certificateOf(stack, spec, httpsHosts, zone, d) : undefined;
  if (d.hasErrors) return registrations;

  const sg = new ec2.SecurityGroup(stack, 'RoutesSecurityGroup', { vpc, description: `${spec.name}: load balancer of the routes, open on 80 and 443`, allowAllOutbound: false });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'http, redirected to https');
  if (certificateArn) sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https routes');
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Routes', { vpc, internetFacing: true, securityGroup: sg, vpcSubnets: PUBLIC_SUBNETS });
  new CfnOutput(stack, 'RoutesDnsName', { value: lb.loadBalancerDnsName, description: `${spec.name}: address of the routes' hosts` });
  const notFound = elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'no route' });
  const https = certificateArn
    ? lb.addListener('Https', { port: 443, protocol: elbv2.ApplicationProtocol.HTTPS, certificates: [elbv2.ListenerCertificate.fromArn(certificateArn)], open: false, defaultAction: notFound })
    : undefined;
  const http = lb.addListener('Http', {
    port: 80,
    protocol: elbv2.ApplicationProtocol.HTTP,
    open: false,
    defaultAction: https ? elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }) : notFound,
  });

  const groups = new Map<string, elbv2.ApplicationTargetGroup>();
  const admitted = new Set<string>();
  // the most specific rule first: by host, then the longest path prefix; the priorities follow from the spec alone
  routeOrder(routed).forEach((r, i) => {
    const target = targets.get(r.service.name);
    if (!target) return;
    const key = `${r.service.name}/${r.port.name}`;
    if (!admitted.has(key)) {
      // whether or not this part builds the service: the rules the main stack holds do not depend on it
      admitted.add(key);
      allowTo(sg, target.identity, target.networkMode === 'bridge' ? ec2.Port.tcpRange(32768, 65535) : ec2.Port.tcp(r.port.containerPort), `routes to ${r.service.name} ${r.port.name}`);
    }
    // the rest is in the service's own stack
    if (!target.service) return;
    const scope = target.service.construct.node.scope!;
    let group = groups.get(key);
    if (!group) {
      group = new elbv2.ApplicationTargetGroup(scope, `Route-${r.port.name}`, {
        vpc,
        port: r.port.containerPort,
        protocol: elbv2.ApplicationProtocol.HTTP,
        targetType: target.networkMode === 'awsvpc' ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE,
        healthCheck: targetGroupHealthCheck({ kind: 'alb', listenerPort: 443, service: r.service, port: r.port, index: r.index }, d),
        deregistrationDelay: Duration.seconds(30),
      });
      groups.set(key, group);
      const list = registrations.get(r.service.name) ?? [];
      list.push({ containerName: r.service.main.name, containerPort: r.port.containerPort, targetGroupArn: group.targetGroupArn });
      registrations.set(r.service.name, list);
      target.service.construct.node.addDependency(http);
      if (https) target.service.construct.node.addDependency(https);
    }
    const listener = r.route.scheme === 'https' ? https! : http;
    const props: elbv2.ApplicationListenerRuleProps = {
      listener,
      priority: i + 1,
      conditions: [elbv2.ListenerCondition.hostHeaders([r.route.host]), elbv2.ListenerCondition.pathPatterns(r.route.path === '/' ? ['/*'] : [r.route.path, `${r.route.path}/*`])],
      action: elbv2.ListenerAction.forward([group]),
    };
    // in a split system the rule goes beside its target group: the main stack refers to no workload stack
    if (sameStack(listener, scope)) new elbv2.ApplicationListenerRule(listener, `Rule-${i + 1}`, props);
    else new elbv2.ApplicationListenerRule(scope, `RouteRule-${i + 1}`, props);
  });
  if (zone) {
    const hosts = [...new Set(routed.map((r) => r.route.host))].sort(byText);
    for (const host of hosts) {
      new route53.ARecord(stack, `Alias-${host}`, { zone, recordName: `${host}.`, target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(lb)) });
    }
  }
  return registrations;
}
