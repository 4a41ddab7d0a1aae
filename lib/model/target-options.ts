import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { EcsHostedZoneSpec, EcsVpcSpec, TargetOptionsSpec } from './spec';

/** Choices that only the Compose target reads. */
export interface ComposeOptions {
  /**
   * How secret env reaches the container: `env` interpolates a required variable (`${DB_PASSWORD:?...}`) from
   * the shell or `.env` at `docker compose up`; `files` uses Compose `secrets`, mounted under /run/secrets.
   * @default 'env'
   */
  readonly secrets?: SecretDelivery;
}

/** How secret env reaches the container on a Docker-engine target: a required variable, or a secret file. */
export type SecretDelivery = 'env' | 'files';

/** Choices that only the Swarm target reads. */
export interface SwarmOptions {
  /**
   * How secret env reaches the container: `files` mounts a Swarm secret under /run/secrets, so the value is never
   * in the service spec; `env` interpolates a required variable (`${DB_PASSWORD:?...}`) from the shell at
   * `docker stack deploy`, which puts the value in the service spec (visible to `docker service inspect`).
   * @default 'files'
   */
  readonly secrets?: SecretDelivery;
}

/** Choices that only the Kubernetes target reads. */
export interface KubernetesOptions {
  /**
   * Render one NetworkPolicy per network. Turn off for clusters without a policy engine.
   * @default true
   */
  readonly networkPolicies?: boolean;
  /**
   * The Service type for ports published on a fixed host port.
   * @default 'LoadBalancer'
   */
  readonly fixedPortServiceType?: 'LoadBalancer' | 'NodePort';
  /**
   * Namespace of every object.
   * @default - none: `kubectl apply -n` decides
   */
  readonly namespace?: string;
  /**
   * The `ingressClassName` of the app's Ingress (routes): `nginx`, `traefik`, `alb`.
   * @default - the cluster's default IngressClass
   */
  readonly ingressClassName?: string;
  /**
   * The Secret that holds the certificate of the https routes' hosts.
   * @default - `<app>-tls`
   */
  readonly tlsSecretName?: string;
  /**
   * A cert-manager ClusterIssuer (`letsencrypt-prod`) that issues that certificate, through the Ingress's
   * `cert-manager.io/cluster-issuer` annotation.
   * @default - none: the Secret must exist
   */
  readonly certManagerClusterIssuer?: string;
}

/** Choices that only the ECS target reads. */
export interface EcsOptions {
  /**
   * Fargate, or EC2 (bridge networking, dynamic host ports, bind mounts, privileged containers).
   * @default 'fargate'
   */
  readonly launchType?: 'fargate' | 'ec2';
  /**
   * An existing VPC, by its attributes (no lookup at synth).
   * @default - a new VPC across two availability zones
   */
  readonly vpc?: EcsVpcSpec;
  /**
   * CloudWatch Logs retention, in days.
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * CloudWatch Container Insights on the cluster: per-task CPU, memory, network and storage metrics. Billed as
   * custom metrics and log ingestion by CloudWatch, per task and per cluster.
   * @default false
   */
  readonly containerInsights?: boolean;
  /**
   * VPC flow logs of all accepted and rejected traffic, to a CloudWatch Logs group kept for `logRetentionDays`.
   * Billed as vended-log ingestion and storage by CloudWatch, in proportion to the traffic.
   * @default false
   */
  readonly vpcFlowLogs?: boolean;
  /**
   * An existing S3 bucket, by name, for the load balancers' access logs. Its policy must let Elastic Load Balancing
   * write to it.
   * @default - a bucket per system: encrypted (SSE-S3), public access blocked, TLS only, retained
   */
  readonly accessLogsBucket?: string;
  /**
   * An existing ACM certificate (its ARN) that covers the hosts of the https routes.
   * @default - a DNS-validated certificate when hostedZone is given; otherwise https routes are an error
   */
  readonly certificateArn?: string;
  /**
   * The Route 53 hosted zone of the routes' hosts: a DNS-validated certificate for them (unless certificateArn is
   * given), and an alias record per host to the system's load balancer.
   * @default - no DNS records: point the hosts at the load balancer yourself
   */
  readonly hostedZone?: EcsHostedZoneSpec;
}

export interface TargetOptions {
  /** @default - Compose defaults */
  readonly compose?: ComposeOptions;
  /** @default - Swarm defaults */
  readonly swarm?: SwarmOptions;
  /** @default - Kubernetes defaults */
  readonly kubernetes?: KubernetesOptions;
  /** @default - ECS defaults */
  readonly ecs?: EcsOptions;
}

const TARGET_OPTIONS = propNames<TargetOptions>({ compose: true, swarm: true, kubernetes: true, ecs: true });
const COMPOSE_OPTIONS = propNames<ComposeOptions>({ secrets: true });
const SWARM_OPTIONS = propNames<SwarmOptions>({ secrets: true });
const KUBERNETES_OPTIONS = propNames<KubernetesOptions>({ networkPolicies: true, fixedPortServiceType: true, namespace: true, ingressClassName: true, tlsSecretName: true, certManagerClusterIssuer: true });
const ECS_OPTIONS = propNames<EcsOptions>({ launchType: true, vpc: true, logRetentionDays: true, containerInsights: true, vpcFlowLogs: true, accessLogsBucket: true, certificateArn: true, hostedZone: true });
const ECS_HOSTED_ZONE = propNames<EcsHostedZoneSpec>({ zoneId: true, zoneName: true });
const ECS_VPC = propNames<EcsVpcSpec>({ vpcId: true, availabilityZones: true, publicSubnetIds: true, privateSubnetIds: true });

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function resolveTargetOptions(path: string, o: TargetOptions = {}): TargetOptionsSpec {
  const p = `targetOptions`;
  checkKnownProps(path, p, o, TARGET_OPTIONS);
  checkKnownProps(path, `${p}.compose`, o.compose, COMPOSE_OPTIONS);
  checkKnownProps(path, `${p}.swarm`, o.swarm, SWARM_OPTIONS);
  checkKnownProps(path, `${p}.kubernetes`, o.kubernetes, KUBERNETES_OPTIONS);
  checkKnownProps(path, `${p}.ecs`, o.ecs, ECS_OPTIONS);
  checkKnownProps(path, `${p}.ecs.vpc`, o.ecs?.vpc, ECS_VPC);
  checkKnownProps(path, `${p}.ecs.hostedZone`, o.ecs?.hostedZone, ECS_HOSTED_ZONE);
  const k8sRoutes = resolveKubernetesRouteOptions(path, o.kubernetes ?? {});
  const ecsRoutes = resolveEcsRouteOptions(path, o.ecs ?? {});
  const secrets = resolveSecretDelivery(path, 'Compose', o.compose?.secrets ?? 'env');
  const swarmSecrets = resolveSecretDelivery(path, 'Swarm', o.swarm?.secrets ?? 'files');
  const k = o.kubernetes ?? {};
  if (k.networkPolicies !== undefined && typeof k.networkPolicies !== 'boolean') {
    throw new ModelError(path, `${p}.kubernetes.networkPolicies`, 'must be true or false', k.networkPolicies, 'Write networkPolicies: false for clusters without a policy engine');
  }
  const fixed = k.fixedPortServiceType ?? 'LoadBalancer';
  if (fixed !== 'LoadBalancer' && fixed !== 'NodePort') {
    throw new ModelError(path, `${p}.kubernetes.fixedPortServiceType`, "must be 'LoadBalancer' or 'NodePort'", fixed, "Use 'NodePort' for clusters without a load balancer");
  }
  if (k.namespace !== undefined && (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(k.namespace) || k.namespace.length > 63)) {
    throw new ModelError(path, `${p}.kubernetes.namespace`, 'must be a DNS-1123 label', k.namespace, "Write e.g. 'shop'");
  }
  const e = o.ecs ?? {};
  const launchType = e.launchType ?? 'fargate';
  if (launchType !== 'fargate' && launchType !== 'ec2') throw new ModelError(path, `${p}.ecs.launchType`, "must be 'fargate' or 'ec2'", launchType, "Use 'ec2' for bind mounts, privileged containers and dynamic host ports");
  const logRetentionDays = e.logRetentionDays ?? 30;
  if (!RETENTION_DAYS.includes(logRetentionDays)) {
    throw new ModelError(path, `${p}.ecs.logRetentionDays`, 'not a retention CloudWatch Logs offers', logRetentionDays, `Use one of ${RETENTION_DAYS.join(', ')}`);
  }
  for (const key of ['containerInsights', 'vpcFlowLogs'] as const) {
    if (e[key] !== undefined && typeof e[key] !== 'boolean') throw new ModelError(path, `${p}.ecs.${key}`, 'must be true or false', e[key], `Write ${key}: true to turn it on`);
  }
  const bucket = e.accessLogsBucket;
  if (bucket !== undefined && (typeof bucket !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..'))) {
    throw new ModelError(path, `${p}.ecs.accessLogsBucket`, 'must be an S3 bucket name', bucket, "Write the bucket's name, e.g. 'shop-access-logs'");
  }
  if (e.vpc !== undefined) {
    const v = e.vpc;
    if (typeof v.vpcId !== 'string' || !/^vpc-[0-9a-f]+$/.test(v.vpcId)) throw new ModelError(path, `${p}.ecs.vpc.vpcId`, 'must be a VPC id', v.vpcId, "Write e.g. 'vpc-0abc1234'");
    const az = v.availabilityZones ?? [];
    if (az.length < 2) throw new ModelError(path, `${p}.ecs.vpc.availabilityZones`, 'need at least two availability zones', az, "Write e.g. ['us-east-1a', 'us-east-1b']");
    for (const key of ['publicSubnetIds', 'privateSubnetIds'] as const) {
      const ids = v[key] ?? [];
      if (ids.length !== az.length || ids.some((id) => !/^subnet-[0-9a-f]+$/.test(id))) {
        throw new ModelError(path, `${p}.ecs.vpc.${key}`, 'need one subnet id per availability zone', ids, "Write e.g. ['subnet-0a1', 'subnet-0b2']");
      }
    }
  }
  return {
    compose: { secrets },
    swarm: { secrets: swarmSecrets },
    kubernetes: { networkPolicies: k.networkPolicies ?? true, fixedPortServiceType: fixed, ...(k.namespace ? { namespace: k.namespace } : {}), ...k8sRoutes },
    ecs: {
      launchType,
      ...(e.vpc
        ? { vpc: { vpcId: e.vpc.vpcId, availabilityZones: [...e.vpc.availabilityZones], publicSubnetIds: [...e.vpc.publicSubnetIds], privateSubnetIds: [...e.vpc.privateSubnetIds] } }
        : {}),
      logRetentionDays,
      containerInsights: e.containerInsights ?? false,
      vpcFlowLogs: e.vpcFlowLogs ?? false,
      ...(bucket !== undefined ? { accessLogsBucket: bucket } : {}),
      ...ecsRoutes,
    },
  };
}

/** A Docker-engine target's `secrets` choice: `env` or `files`, named after the target's own secrets. */
function resolveSecretDelivery(path: string, target: 'Compose' | 'Swarm', value: unknown): SecretDelivery {
  if (value === 'env' || value === 'files') return value;
  throw new ModelError(path, `targetOptions.${target.toLowerCase()}.secrets`, "must be 'env' or 'files'", value, `Use 'env' for \${VAR:?} interpolation or 'files' for ${target} secrets`);
}

const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The Kubernetes choices for routes: each a DNS subdomain, as the names of Kubernetes objects are. */
function resolveKubernetesRouteOptions(path: string, k: KubernetesOptions): Pick<TargetOptionsSpec['kubernetes'], 'ingressClassName' | 'tlsSecretName' | 'certManagerClusterIssuer'> {
  const out: Record<string, string> = {};
  for (const key of ['ingressClassName', 'tlsSecretName', 'certManagerClusterIssuer'] as const) {
    const v = k[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !DNS_SUBDOMAIN.test(v)) throw new ModelError(path, `targetOptions.kubernetes.${key}`, 'must be a Kubernetes object name (a DNS subdomain)', v, "Write e.g. 'nginx' or 'letsencrypt-prod'");
    out[key] = v;
  }
  return out;
}

/** The ECS choices for routes: an ACM certificate ARN, a Route 53 hosted zone. */
function resolveEcsRouteOptions(path: string, e: EcsOptions): Pick<TargetOptionsSpec['ecs'], 'certificateArn' | 'hostedZone'> {
  const p = 'targetOptions.ecs';
  if (e.certificateArn !== undefined && (typeof e.certificateArn !== 'string' || !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/.test(e.certificateArn))) {
    throw new ModelError(path, `${p}.certificateArn`, 'must be the ARN of an ACM certificate', e.certificateArn, "Write e.g. 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-...'");
  }
  const z = e.hostedZone;
  if (z !== undefined) {
    if (typeof z.zoneId !== 'string' || !/^Z[A-Z0-9]{1,31}$/.test(z.zoneId)) throw new ModelError(path, `${p}.hostedZone.zoneId`, 'must be a Route 53 hosted zone id', z.zoneId, "Write e.g. 'Z0123456789ABCDEFGHIJ'");
    if (typeof z.zoneName !== 'string' || !DNS_SUBDOMAIN.test(z.zoneName) || !z.zoneName.includes('.')) throw new ModelError(path, `${p}.hostedZone.zoneName`, 'must be the domain of the zone', z.zoneName, "Write e.g. 'example.com'");
  }
  return { ...(e.certificateArn !== undefined ? { certificateArn: e.certificateArn } : {}), ...(z !== undefined ? { hostedZone: { zoneId: z.zoneId, zoneName: z.zoneName } } : {}) };
}
