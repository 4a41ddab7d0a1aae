/**
 * The hand-written aws-cdk-lib program: reads a system description (JSON) and builds the same resources lading's
 * ECS target does (VPC, cluster, Cloud Map namespace, log group, secrets, a security group per network, EFS per
 * volume, ALB and NLB; per workload a Fargate task definition, its security group, a Fargate service with Service
 * Connect, target groups and listeners for published ports, an EventBridge rule for scheduled jobs), with the
 * workloads in stacks of 40 beside a shared stack once they do not fit in one. Usage: baseline <spec.json> <outdir>
 */
import * as fs from 'fs';
import { App, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import type { SystemSpec, WorkloadSpec } from '../../lib/model/spec';

const [input, outdir] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(input, 'utf8')) as SystemSpec;
const app = new App({ outdir, analyticsReporting: false, treeMetadata: false, stackTraces: false, builtinCloudFormationValidation: process.env.BASELINE_VALIDATION === 'true', context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-asset-staging': true } });
const pascal = spec.name.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');
const tagged = (stack: Stack): Stack => {
  Tags.of(stack).add('lading:system', spec.name, { excludeResourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] });
  return stack;
};
const shared = tagged(new Stack(app, pascal));
const workloads: WorkloadSpec[] = [...spec.services, ...spec.jobs];
const perStack = 40;
const split = workloads.length > perStack;
const stacks: Stack[] = [];
const stackFor = (i: number): Stack => {
  if (!split) return shared;
  const k = Math.floor(i / perStack);
  if (!stacks[k]) {
    stacks[k] = tagged(new Stack(app, `${pascal}-Workloads-${k}`));
    stacks[k].addStackDependency(shared);
  }
  return stacks[k];
};

const vpc = new ec2.Vpc(shared, 'Vpc', {
  maxAzs: 2,
  natGateways: 1,
  subnetConfiguration: [
    { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
  ],
});
const cluster = new ecs.Cluster(shared, 'Cluster', { vpc });
cluster.addDefaultCloudMapNamespace({ name: spec.name, type: servicediscovery.NamespaceType.HTTP, useForServiceConnect: true });
const logGroup = new logs.LogGroup(shared, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.RETAIN });
const secrets = new Map(spec.secrets.map((s) => [s.name, new secretsmanager.Secret(shared, `Secret-${s.name}`, { generateSecretString: { excludePunctuation: true, passwordLength: 32 } })]));
const byName = new Map(workloads.map((w) => [w.name, w]));
const internal = new Set(spec.networks.filter((n) => n.internal).map((n) => n.name));
const networks = new Map(spec.networks.map((n) => {
  const sg = new ec2.SecurityGroup(shared, `Network-${n.name}`, { vpc, allowAllOutbound: true });
  const ports = new Set<number>();
  for (const m of n.members) for (const p of byName.get(m)?.main.ports ?? []) ports.add(p.containerPort);
  for (const p of [...ports].sort()) sg.addIngressRule(sg, ec2.Port.tcp(p));
  return [n.name, sg] as const;
}));
const volumes = new Map(spec.volumes.map((v) => {
  const fileSystem = new efs.FileSystem(shared, `Volume-${v.name}`, { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, encrypted: true, removalPolicy: RemovalPolicy.RETAIN, throughputMode: efs.ThroughputMode.ELASTIC });
  const accessPoint = fileSystem.addAccessPoint('AccessPoint', { path: `/${v.name}`, createAcl: { ownerUid: '0', ownerGid: '0', permissions: '755' } });
  return [v.name, { fileSystem, accessPoint }] as const;
}));
const published = spec.services.flatMap((s) => s.main.ports.filter((p) => p.publish !== 'none').map((p) => ({ s, p })));
const albSg = new ec2.SecurityGroup(shared, 'AlbSecurityGroup', { vpc, allowAllOutbound: false });
const nlbSg = new ec2.SecurityGroup(shared, 'NlbSecurityGroup', { vpc, allowAllOutbound: false });
const alb = new elbv2.ApplicationLoadBalancer(shared, 'Alb', { vpc, internetFacing: true, securityGroup: albSg });
const nlb = new elbv2.NetworkLoadBalancer(shared, 'Nlb', { vpc, internetFacing: true, securityGroups: [nlbSg] });

workloads.forEach((w, i) => {
  const scope = new Construct(stackFor(i), w.name);
  const own = new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, allowAllOutbound: true });
  const groups = [own, ...w.networks.map((n) => networks.get(n)!)];
  const memory = [w.main, ...w.sidecars].reduce((a, c) => a + (c.resources.memoryBytes ?? 0) / 2 ** 20, 0);
  const task = new ecs.FargateTaskDefinition(scope, 'TaskDefinition', { family: `${spec.name}-${w.name}`, cpu: 512, memoryLimitMiB: memory <= 1024 ? 1024 : 2048 });
  for (const c of [w.main, ...w.sidecars]) {
    const h = c.health;
    const def = task.addContainer(c.name, {
      image: ecs.ContainerImage.fromRegistry(c.image.ref),
      essential: c === w.main,
      command: c.command ? [...c.command] : undefined,
      environment: { ...c.env },
      secrets: Object.fromEntries(c.secretEnv.map((s) => [s.name, ecs.Secret.fromSecretsManager(secrets.get(s.secret)!)])),
      portMappings: c.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol === 'udp' ? ecs.Protocol.UDP : ecs.Protocol.TCP, appProtocol: p.appProtocol === 'http' ? ecs.AppProtocol.http : undefined })),
      cpu: c.resources.cpuShares,
      memoryLimitMiB: c.resources.memoryBytes !== undefined ? c.resources.memoryBytes / 2 ** 20 : undefined,
      memoryReservationMiB: c.resources.memoryReservationBytes !== undefined ? c.resources.memoryReservationBytes / 2 ** 20 : undefined,
      healthCheck: h?.kind === 'command' ? { command: ['CMD', ...h.command], interval: Duration.seconds(h.intervalSeconds), timeout: Duration.seconds(h.timeoutSeconds), retries: h.retries } : undefined,
      dockerLabels: { ...c.labels },
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: w.name }),
    });
    for (const m of c.mounts) {
      if (m.kind !== 'volume') continue;
      const v = volumes.get(m.volume)!;
      const name = `volume-${m.volume}`;
      if (c === w.main) {
        task.addVolume({ name, efsVolumeConfiguration: { fileSystemId: v.fileSystem.fileSystemId, transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: v.accessPoint.accessPointId, iam: 'ENABLED' } } });
        v.fileSystem.connections.securityGroups[0].addIngressRule(own, ec2.Port.tcp(2049), undefined, true);
        v.fileSystem.grantReadWrite(task.taskRole);
      }
      def.addMountPoints({ sourceVolume: name, containerPath: m.target, readOnly: m.readOnly });
    }
  }
  const onlyInternal = w.networks.every((n) => internal.has(n));
  const subnets = { subnetType: onlyInternal ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PUBLIC };
  for (const [key, value] of Object.entries(w.main.labels)) Tags.of(task).add(key, value);
  if (w.kind === 'job') {
    if (w.schedule) {
      new events.Rule(scope, 'Schedule', {
        schedule: events.Schedule.expression(`cron(${w.schedule.split(' ').slice(0, 2).join(' ')} * * ? *)`),
        targets: [new eventsTargets.EcsTask({ cluster, taskDefinition: task, launchType: ecs.LaunchType.FARGATE, subnetSelection: subnets, assignPublicIp: !onlyInternal, securityGroups: groups })],
      });
    }
    return;
  }
  const service = new ecs.FargateService(scope, 'Service', {
    cluster,
    taskDefinition: task,
    serviceName: w.name,
    desiredCount: w.replicas,
    circuitBreaker: { rollback: true },
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    propagateTags: ecs.PropagatedTagSource.SERVICE,
    assignPublicIp: !onlyInternal,
    vpcSubnets: subnets,
    securityGroups: groups,
    serviceConnectConfiguration: { services: w.main.ports.map((p) => ({ portMappingName: p.name, discoveryName: `${w.name}-${p.name}`, dnsName: w.name, port: p.containerPort })) },
  });
  for (const [key, value] of Object.entries(w.main.labels)) Tags.of(service).add(key, value);
  for (const { p } of published.filter((x) => x.s.name === w.name)) {
    const http = p.appProtocol === 'http';
    const lbSg = http ? albSg : nlbSg;
    own.addIngressRule(lbSg, ec2.Port.tcp(p.containerPort));
    lbSg.addEgressRule(own, ec2.Port.tcp(p.containerPort), undefined, true);
    lbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(p.hostPort ?? p.containerPort));
    const port = p.hostPort ?? p.containerPort;
    if (http) {
      const tg = new elbv2.ApplicationTargetGroup(scope, `Target-${p.name}`, { vpc, port: p.containerPort, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP, targets: [service.loadBalancerTarget({ containerName: w.main.name, containerPort: p.containerPort })] });
      new elbv2.ApplicationListener(scope, `Listener-${port}`, { loadBalancer: alb, port, protocol: elbv2.ApplicationProtocol.HTTP, open: false, defaultTargetGroups: [tg] });
    } else {
      const tg = new elbv2.NetworkTargetGroup(scope, `Target-${p.name}`, { vpc, port: p.containerPort, protocol: elbv2.Protocol.TCP, targetType: elbv2.TargetType.IP, targets: [service.loadBalancerTarget({ containerName: w.main.name, containerPort: p.containerPort })] });
      new elbv2.NetworkListener(scope, `Listener-${port}`, { loadBalancer: nlb, port, protocol: elbv2.Protocol.TCP, defaultTargetGroups: [tg] });
    }
  }
});
app.synth();
