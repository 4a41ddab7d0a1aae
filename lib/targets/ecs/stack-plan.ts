import { createHash } from 'crypto';
import type { SystemSpec, WorkloadSpec } from '../../model/spec';
import { networkModeOf } from './ec2-networking';
import { publishedPorts } from './ports';
import { routedPorts } from './routed-ports';
import { servesByName } from './serves-by-name';
import { needsPrivateSubnets } from './subnets';
import { workloadsOf } from './workloads';

/** CloudFormation's limits on one stack. */
export const STACK_LIMITS = { resources: 500, outputs: 200, templateBytes: 1_000_000 } as const;

/**
 * What a stack is planned to hold at most: headroom under the limits, so that an estimate a little short of the
 * real count still deploys (the synthesized templates are measured again afterwards).
 */
const STACK_BUDGET = { resources: 450, templateBytes: 800_000 } as const;

/** An estimate of what something adds to a template. */
interface Weight {
  readonly resources: number;
  readonly bytes: number;
}

const add = (a: Weight, b: Weight): Weight => ({ resources: a.resources + b.resources, bytes: a.bytes + b.bytes });
const fits = (w: Weight): boolean => w.resources <= STACK_BUDGET.resources && w.bytes <= STACK_BUDGET.templateBytes;

/**
 * The resources of one workload, counted as the stack builds them: task definition, task and execution roles with
 * their policies, its security group, the ECS service, per published port a target group, a listener and two
 * security-group rules (four for udp), per routed port a target group (and for a task of its own network interface
 * the two rules that admit the routes' load balancer), per route a listener rule, per EFS volume a rule on the file system's group, and for a
 * scheduled job the rule with its role and policy. Bytes: a generous multiple of the workload's own description.
 */
function workloadWeight(spec: SystemSpec, w: WorkloadSpec, publishedCount: number, udpPublished: number, routes: RouteCount): Weight {
  const volumes = new Set<string>();
  for (const c of [w.main, ...w.sidecars]) for (const m of c.mounts) if (m.kind === 'volume') volumes.add(m.volume);
  let resources = 4; // task definition, task role, execution role, execution role policy
  if (spec.options.ecs.launchType === 'fargate') resources += 1; // own security group (awsvpc tasks only)
  if (volumes.size > 0) resources += 1 + volumes.size; // task role policy, one file-system rule per volume
  if (w.kind === 'service') resources += 1 + publishedCount * 4 + udpPublished * 2 + routes.ports * (networkModeOf(spec, w) === 'awsvpc' ? 3 : 1) + routes.routes;
  else if (w.schedule !== undefined) resources += 3 + (spec.options.ecs.launchType === 'fargate' ? 0 : 1);
  const bytes = 4_000 + 4 * JSON.stringify(w).length + publishedCount * 3_000 + routes.ports * 3_000 + routes.routes * 1_500;
  return { resources: resources + 1, bytes };
}

/** How many routed ports a service has, and routes to them. */
interface RouteCount {
  readonly ports: number;
  readonly routes: number;
}

/** The routes of each routed service, by name. */
function routeCounts(spec: SystemSpec): Map<string, RouteCount> {
  const ports = new Map<string, Set<string>>();
  const routes = new Map<string, number>();
  for (const r of routedPorts(spec)) {
    ports.set(r.service.name, (ports.get(r.service.name) ?? new Set()).add(r.port.name));
    routes.set(r.service.name, (routes.get(r.service.name) ?? 0) + 1);
  }
  return new Map([...ports].map(([name, set]) => [name, { ports: set.size, routes: routes.get(name)! }]));
}

/**
 * The resources of the routes' load balancer (routes.ts), all in the shared stack: the balancer and its security
 * group, the HTTP listener, with https routes the HTTPS listener and (from a hosted zone, without a certificate ARN)
 * the certificate, with a hosted zone an alias record per host, and the two rules per routed port that admit it to
 * the container instances (EC2 tasks in bridge or host mode). 0 without routes.
 */
function routesResources(spec: SystemSpec): number {
  const routed = routedPorts(spec);
  if (routed.length === 0) return 0;
  const o = spec.options.ecs;
  const https = routed.some((r) => r.route.scheme === 'https');
  const hosts = new Set(routed.map((r) => r.route.host)).size;
  const onInstances = new Set(routed.filter((r) => networkModeOf(spec, r.service) !== 'awsvpc').map((r) => `${r.service.name}/${r.port.name}`)).size;
  return 3 + (https ? 1 : 0) + (https && !o.certificateArn && o.hostedZone ? 1 : 0) + (o.hostedZone ? hosts : 0) + onInstances * 2;
}

/** What a part of the shared infrastructure adds: how many of it (secrets, networks...) and their resources. */
interface SharedPart {
  readonly count: number;
  readonly resources: number;
}

/**
 * The shared infrastructure, part by part, counted as the stack builds it: the secrets it creates (one with
 * `existingName` adds none), per network (Fargate) a security group with a self-referencing rule per port of its
 * members, per volume an EFS file system with two mount targets, an access point and a security group, per kind of
 * load balancer the balancer and its security group (the routes' one with its listeners and records), a new VPC (public subnets, and private ones with a NAT
 * gateway), the cluster with its log group and Cloud Map namespace, and EC2 capacity.
 */
export interface SharedParts {
  readonly secrets: SharedPart;
  readonly networks: SharedPart;
  readonly volumes: SharedPart;
  readonly loadBalancers: SharedPart;
  readonly vpc: SharedPart;
  readonly cluster: SharedPart;
  readonly capacity: SharedPart;
}

export function sharedParts(spec: SystemSpec): SharedParts {
  const fargate = spec.options.ecs.launchType === 'fargate';
  const secrets = spec.secrets.filter((s) => s.existingName?.ecs === undefined).length;
  const workloads = new Map(workloadsOf(spec).map((w) => [w.name, w]));
  let networkResources = 0;
  if (fargate) {
    for (const n of spec.networks) {
      const ports = new Set<string>();
      for (const m of n.members) for (const p of workloads.get(m)?.main.ports ?? []) ports.add(`${p.protocol}/${p.containerPort}`);
      networkResources += 1 + ports.size;
    }
  }
  const kinds = new Set(publishedPorts(spec).map((p) => p.kind)).size;
  const routes = routesResources(spec);
  const newVpc = spec.options.ecs.vpc ? 0 : 1;
  return {
    secrets: { count: secrets, resources: secrets },
    networks: { count: fargate ? spec.networks.length : 0, resources: networkResources },
    volumes: { count: spec.volumes.length, resources: spec.volumes.length * 5 },
    loadBalancers: { count: kinds + (routes > 0 ? 1 : 0), resources: kinds * 2 + routes },
    // VPC, internet gateway and its attachment, per zone a public subnet, route table, association and route;
    // with private subnets per zone the same four again, and one NAT gateway with its address
    vpc: { count: newVpc, resources: newVpc * (needsPrivateSubnets(spec) ? 21 : 11) },
    cluster: { count: 1, resources: 2 + (servesByName(spec) ? 1 : 0) },
    // EC2: the container instances (about ten resources) and the rules that admit them, generously
    capacity: { count: fargate ? 0 : 1, resources: fargate ? 0 : 25 },
  };
}

/** The shared infrastructure: VPC, cluster, namespace, log group, secrets, network groups, EFS, load balancers, capacity. */
export function sharedWeight(spec: SystemSpec): Weight {
  const resources = Object.values(sharedParts(spec)).reduce((sum: number, part: SharedPart) => sum + part.resources, 0);
  return { resources, bytes: 20_000 + resources * 1_500 };
}

/** Where each workload goes: one stack for everything, or the shared stack plus buckets of workloads. */
interface StackPlan {
  /** True when the system is split: shared infrastructure in the main stack, workloads in buckets. */
  readonly split: boolean;
  /** Bucket key of each workload name ('' is the first bucket); empty when not split. */
  readonly bucketOf: ReadonlyMap<string, string>;
  /** The bucket keys in use, sorted. */
  readonly buckets: readonly string[];
}

/** 32 bits of SHA-256 of a workload name, as a string of '0' and '1'. */
function hashBits(name: string): string {
  return createHash('sha256').update(name).digest().readUInt32BE(0).toString(2).padStart(32, '0');
}

/**
 * Plans the stacks of a system. A system whose estimate fits the budget stays one stack. Otherwise workloads are
 * spread by extendible hashing: a bucket is the set of names whose hash starts with some bit prefix, and a bucket
 * over the budget splits in two on the next bit. The bucket's key is its prefix without trailing zeros, so on a
 * split the '0' half keeps the stack it was in. The plan depends only on the names and weights, so the same
 * system always lands in the same stacks, and a new workload moves no other one unless its bucket overflows
 * (then only half of that one bucket moves).
 */
export function planStacks(spec: SystemSpec): StackPlan {
  const published = new Map<string, { total: number; udp: number }>();
  for (const p of publishedPorts(spec)) {
    const count = published.get(p.service.name) ?? { total: 0, udp: 0 };
    published.set(p.service.name, { total: count.total + 1, udp: count.udp + (p.port.protocol === 'udp' ? 1 : 0) });
  }
  const routes = routeCounts(spec);
  const weights = workloadsOf(spec).map((w) => {
    const mine = (w.kind === 'service' ? published.get(w.name) : undefined) ?? { total: 0, udp: 0 };
    const routed = (w.kind === 'service' ? routes.get(w.name) : undefined) ?? { ports: 0, routes: 0 };
    return { name: w.name, bits: hashBits(w.name), weight: workloadWeight(spec, w, mine.total, mine.udp, routed) };
  });
  const total = weights.reduce((a, w) => add(a, w.weight), sharedWeight(spec));
  if (fits(total)) return { split: false, bucketOf: new Map(), buckets: [] };
  const bucketOf = new Map<string, string>();
  const buckets: string[] = [];
  const place = (prefix: string, items: typeof weights): void => {
    if (items.length === 0) return;
    const sum = items.reduce((a, w) => add(a, w.weight), { resources: 0, bytes: 0 });
    if (fits(sum) || items.length === 1 || prefix.length >= 32) {
      const key = prefix.replace(/0+$/, '');
      buckets.push(key);
      for (const w of items) bucketOf.set(w.name, key);
      return;
    }
    place(`${prefix}0`, items.filter((w) => w.bits[prefix.length] === '0'));
    place(`${prefix}1`, items.filter((w) => w.bits[prefix.length] === '1'));
  };
  place('', weights);
  return { split: true, bucketOf, buckets: buckets.sort() };
}

/** The stack name of a bucket: `Shop-Services`, `Shop-Services-1`, `Shop-Services-011`. */
export function bucketStackName(mainStackName: string, key: string): string {
  return key === '' ? `${mainStackName}-Services` : `${mainStackName}-Services-${key}`;
}
