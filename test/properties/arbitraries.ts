import fc from 'fast-check';

/**
 * Plans of random systems: plain data that build-system.ts turns into constructs through the public API.
 * Most values are valid; a few are not (bad names, ports, sizes, paths, option values), so that both the
 * constructors' checks and the targets see unusual but legal input.
 */

export interface PortPlan {
  readonly kind: 'tcp' | 'udp' | 'http';
  readonly port: number;
  readonly publish: 'none' | 'dynamic' | number;
}

export type MountPlan =
  | { readonly kind: 'volume'; readonly volume: number; readonly target: string; readonly readOnly: boolean }
  | { readonly kind: 'ephemeral'; readonly target: string; readonly tmpfs: boolean; readonly sizeLimit?: string }
  | { readonly kind: 'bind'; readonly source: string; readonly target: string; readonly readOnly: boolean };

export interface HealthPlan {
  readonly kind: 'command' | 'shell' | 'http' | 'tcp';
  readonly port: number;
  readonly interval?: string;
  readonly retries?: number;
}

export interface ContainerPlan {
  readonly image: ImagePlan;
  readonly command?: string[];
  readonly user?: string;
  readonly workingDir?: string;
  readonly env: Record<string, string>;
  readonly secretEnv: Record<string, number>;
  readonly resources?: { memory?: string; memoryReservation?: string; cpus?: number | string; cpuShares?: number };
  readonly mounts: MountPlan[];
  readonly health?: HealthPlan;
  readonly labels: Record<string, string>;
  readonly logging?: { maxSize: string; maxFiles?: number };
  readonly privileged: boolean;
}

export type ImagePlan = { readonly kind: 'registry'; readonly ref: string; readonly credentials?: number } | { readonly kind: 'build'; readonly context: string; readonly tag: string };

export interface SidecarPlan extends ContainerPlan {
  readonly name: string;
  readonly volumesFrom?: boolean;
}

export interface WorkloadPlan extends ContainerPlan {
  readonly kind: 'service' | 'job';
  readonly name: string;
  readonly ports: PortPlan[];
  readonly replicas?: number;
  readonly restart?: string;
  readonly schedule?: string;
  readonly networks: number[];
  readonly hostNetwork: boolean;
  readonly dependsOn: Array<{ readonly on: number; readonly condition: 'started' | 'healthy' | 'completed' }>;
  readonly sidecars: SidecarPlan[];
  readonly suppress: Record<string, string>;
}

export interface SystemPlan {
  /** Strict plans hold only valid values, and the builder keeps their cross-field rules. */
  readonly strict: boolean;
  readonly name: string;
  readonly options: Record<string, unknown>;
  readonly networks: Array<{ readonly name: string; readonly internal: boolean }>;
  readonly volumes: Array<{ readonly name: string; readonly size?: string }>;
  readonly secrets: Array<{ readonly name: string; readonly existingName?: string }>;
  readonly workloads: WorkloadPlan[];
}

let lenient = true;

/** Mostly from `good`, sometimes from `bad` (about one in `odds`); only `good` while building strict plans. */
function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, odds = 12): fc.Arbitrary<T> {
  return lenient ? fc.oneof({ arbitrary: good, weight: odds - 1 }, { arbitrary: bad, weight: 1 }) : good;
}

function plans(): fc.Arbitrary<SystemPlan> {
const validName = fc.oneof(
  fc.constantFrom('web', 'db', 'api', 'worker', 'a', 'a-b', 'b-c', 'c', 'web-lb', 'default', 'cache'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
);
const name = mostly(validName, fc.constantFrom('', 'Web', '-x', 'a_b', 'x'.repeat(70), 'a b', 'ünï'));

const text = fc.oneof(
  fc.constantFrom('', 'hello', '$HOME', '${X}', "it's", 'a "quoted" word', 'back\\slash', 'line\nbreak', '$$', '`id`', '*', '#', ' lead', 'ünï'),
  fc.string({ maxLength: 12 }),
);

const size = mostly(fc.constantFrom('64m', '128m', '1g', '100m', '2g', '1Gi'), fc.constantFrom('0', '-1m', 'abc', '', '2048g', '1.5.m', '512k', '10Mi'));
const duration = mostly(fc.constantFrom('5s', '10s', '1m', '1m30s'), fc.constantFrom('0s', '-1s', 'abc', '', '500ms'));
const port = mostly(fc.oneof(fc.constantFrom(80, 443, 5432, 6379, 8080, 1234, 53), fc.integer({ min: 1, max: 65535 })), fc.constantFrom(0, -1, 70000, 1.5));
const absPath = mostly(fc.constantFrom('/data', '/cache', '/var/lib/x', '/app', '/tmp/a b', '/run/x', '/srv/www'), fc.constantFrom('relative', '', '/', 'C:\\x'));

const image: fc.Arbitrary<ImagePlan> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('registry' as const), ref: mostly(fc.constantFrom('nginx:1.27', 'postgres:16.4', 'redis', 'busybox:latest', `nginx@sha256:${'a'.repeat(64)}`, 'ghcr.io/org/app:1.0', 'localhost:5000/x/y:2'), fc.constantFrom('Bad Image', '', 'nginx:', ':1.0')), credentials: fc.option(fc.nat(3), { nil: undefined }) }, { requiredKeys: ['kind', 'ref'] }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('build' as const), context: mostly(fc.constant('apps/devbox'), fc.constantFrom('no/such/dir', '../outside')), tag: mostly(fc.constantFrom('devbox/devbox:dev', 'local/x'), fc.constant('Bad Tag')) }) },
);

const mountPlan: fc.Arbitrary<MountPlan> = fc.oneof(
  fc.record({ kind: fc.constant('volume' as const), volume: fc.nat(3), target: absPath, readOnly: fc.boolean() }),
  fc.record({ kind: fc.constant('ephemeral' as const), target: absPath, tmpfs: fc.boolean(), sizeLimit: fc.option(size, { nil: undefined }) }, { requiredKeys: ['kind', 'target', 'tmpfs'] }),
  fc.record({ kind: fc.constant('bind' as const), source: mostly(fc.constantFrom('./src', '/srv/site', '../up', '/var/run/docker.sock'), fc.constant('rel')), target: absPath, readOnly: fc.boolean() }),
);

const health: fc.Arbitrary<HealthPlan> = fc.record(
  { kind: fc.constantFrom('command' as const, 'shell' as const, 'http' as const, 'tcp' as const), port, interval: fc.option(duration, { nil: undefined }), retries: fc.option(mostly(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0, -1, 2.5)), { nil: undefined }) },
  { requiredKeys: ['kind', 'port'] },
);

const envName = mostly(fc.constantFrom('A', 'PORT', 'DB_PASSWORD', 'API_KEY', 'PATH', 'X_1', 'lower'), fc.constantFrom('bad key', '1X', '', 'A=B'));
const labelKey = mostly(fc.constantFrom('tier', 'app.kubernetes.io/name', 'com.example.team', 'x'), fc.constantFrom('Bad Key', '', 'a'.repeat(80), 'x/y/z'));

function containerFields() {
  return {
    image,
    command: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    user: fc.option(mostly(fc.constantFrom('1000', '1000:1000', 'nginx', 'root'), fc.constantFrom('', 'a:b:c')), { nil: undefined }),
    workingDir: fc.option(absPath, { nil: undefined }),
    env: fc.dictionary(envName, text, { maxKeys: 3 }),
    secretEnv: fc.dictionary(envName, fc.nat(3), { maxKeys: 2 }),
    resources: fc.option(
      fc.record(
        { memory: size, memoryReservation: mostly(fc.constantFrom('8m', '16m', '32m', '64m'), size), cpus: mostly(fc.constantFrom(0.25, 0.5, 1, 2, '0.5', 4), fc.constantFrom(0, -1, 'abc', 1000)), cpuShares: mostly(fc.constantFrom(2, 256, 512, 1024), fc.constantFrom(0, -5, 1.5)) },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    mounts: fc.array(mountPlan, { maxLength: 3 }),
    health: fc.option(health, { nil: undefined }),
    labels: fc.dictionary(labelKey, text, { maxKeys: 2 }),
    logging: fc.option(fc.record({ maxSize: size, maxFiles: fc.option(mostly(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1)), { nil: undefined }) }, { requiredKeys: ['maxSize'] }), { nil: undefined }),
    privileged: mostly(fc.constant(false), fc.constant(true), 8),
  };
}

const sidecar: fc.Arbitrary<SidecarPlan> = fc.record({ ...containerFields(), name, volumesFrom: fc.option(fc.boolean(), { nil: undefined }), mounts: fc.array(mountPlan, { maxLength: 1 }) }, { requiredKeys: ['image', 'env', 'secretEnv', 'mounts', 'labels', 'privileged', 'name'] });

const workload: fc.Arbitrary<WorkloadPlan> = fc.record(
  {
    ...containerFields(),
    kind: fc.constantFrom('service' as const, 'service' as const, 'job' as const),
    name,
    ports: fc.array(fc.record({ kind: fc.constantFrom('tcp' as const, 'udp' as const, 'http' as const), port, publish: fc.oneof(fc.constant('none' as const), fc.constant('dynamic' as const), port) }), { maxLength: 3 }),
    replicas: fc.option(mostly(fc.integer({ min: 0, max: 4 }), fc.constantFrom(-1, 1.5, 5000)), { nil: undefined }),
    restart: fc.option(fc.constantFrom('always', 'unless-stopped', 'no', 'on-failure', 'on-failure:3', 'bogus', 'on-failure:-1'), { nil: undefined }),
    schedule: fc.option(mostly(fc.constantFrom('0 3 * * *', '*/5 * * * *', '0 0 * * 1-5', '0 12 1 jan *'), fc.constantFrom('bad', '0 0 31 2 *', '60 * * * *', '* * * *')), { nil: undefined }),
    networks: fc.uniqueArray(fc.nat(2), { maxLength: 2 }),
    hostNetwork: mostly(fc.constant(false), fc.constant(true), 10),
    dependsOn: fc.array(fc.record({ on: fc.nat(5), condition: fc.constantFrom('started' as const, 'healthy' as const, 'completed' as const) }), { maxLength: 2 }),
    sidecars: fc.array(sidecar, { maxLength: 1 }),
    suppress: fc.dictionary(mostly(fc.constantFrom('lint/no-resource-limits', 'lint/no-log-limit', 'kubernetes/logging', 'compose/volume-size'), fc.constant('lint/typo')), mostly(fc.constantFrom('reason'), fc.constant('')), { maxKeys: 1 }),
  },
  { requiredKeys: ['image', 'env', 'secretEnv', 'mounts', 'labels', 'privileged', 'kind', 'name', 'ports', 'networks', 'hostNetwork', 'dependsOn', 'sidecars', 'suppress'] },
);

const options = fc.record(
  {
    compose: fc.record({ secrets: mostly(fc.constantFrom('env', 'files'), fc.constant('bogus')) }, { requiredKeys: [] }),
    swarm: fc.record({ secrets: mostly(fc.constantFrom('env', 'files'), fc.constant('vault')) }, { requiredKeys: [] }),
    kubernetes: fc.record(
      { networkPolicies: fc.boolean(), fixedPortServiceType: mostly(fc.constantFrom('LoadBalancer', 'NodePort'), fc.constant('Ingress')), namespace: mostly(fc.constantFrom('shop', 'team-a'), fc.constant('Bad NS')) },
      { requiredKeys: [] },
    ),
    ecs: fc.record({ launchType: mostly(fc.constantFrom('fargate', 'ec2'), fc.constant('lambda'), 8), logRetentionDays: mostly(fc.constantFrom(1, 7, 30, 365), fc.constantFrom(0, 13, -1)) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

  return fc.record({
  strict: fc.constant(!lenient),
  name: mostly(fc.constantFrom('shop', 'app', 'x1', 'my-system'), fc.constantFrom('', 'Shop', 'a'.repeat(64), 'a_b')),
  options,
  networks: fc.array(fc.record({ name, internal: fc.boolean() }), { maxLength: 3 }),
  volumes: fc.array(fc.record({ name, size: fc.option(size, { nil: undefined }) }, { requiredKeys: ['name'] }), { maxLength: 3 }),
  secrets: fc.array(fc.record({ name, existingName: fc.option(mostly(fc.constantFrom('prod/db', 'existing-secret'), fc.constant('')), { nil: undefined }) }, { requiredKeys: ['name'] }), { maxLength: 3 }),
  workloads: fc.array(workload, { minLength: 1, maxLength: 4 }),
});
}

lenient = false;
const strictPlans = plans();
lenient = true;
const lenientPlans = plans();

/** Three strict plans for one lenient plan, so that most systems reach the targets. */
export const systemPlan: fc.Arbitrary<SystemPlan> = fc.oneof({ weight: 3, arbitrary: strictPlans }, { weight: 1, arbitrary: lenientPlans });
