import {
  Dependency,
  HealthCheck,
  Image,
  Job,
  Mount,
  Network,
  Port,
  Secret,
  Service,
  System,
  Volume,
  type ContainerProps,
  type HealthCheckOptions,
  type SuppressibleCode,
  type Workload,
} from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import type { ContainerPlan, HealthPlan, MountPlan, PortPlan, SystemPlan, WorkloadPlan } from './arbitraries';

/** A plan built through the public API: either a spec, or what was thrown on the way. */
export type Built = { readonly spec: SystemSpec; readonly thrown?: undefined } | { readonly spec?: undefined; readonly thrown: unknown };

/** Builds the system a plan describes, as a user's app module would, and asks for its spec. */
export function buildSystem(plan: SystemPlan): Built {
  try {
    return { spec: construct(plan).toSpec() };
  } catch (thrown) {
    return { thrown };
  }
}

function construct(plan: SystemPlan): System {
  const system = new System(plan.name, { targetOptions: plan.options as never });
  const used = new Set<string>();
  // a strict plan keeps each name once, and leaves `default` to the implicit network
  const fresh = <T extends { name: string }>(list: readonly T[]) =>
    plan.strict ? list.filter((x) => x.name !== 'default' && !used.has(x.name) && used.add(x.name) !== undefined) : list;
  const networks = fresh(plan.networks).map((n) => new Network(system, n.name, { internal: n.internal }));
  const volumes = fresh(plan.volumes).map((v) => new Volume(system, v.name, v.size === undefined ? {} : { size: v.size }));
  const secrets = fresh(plan.secrets).map((s) => new Secret(system, s.name, s.existingName === undefined ? {} : { existingName: s.existingName }));
  const built: Workload[] = [];
  for (const planned of plan.workloads) {
    const w = plan.strict ? keepRules(planned, plan, used) : planned;
    if (!w) continue;
    const props = {
      ...container(w, volumes, secrets),
      networks: w.networks.filter((i) => i < networks.length).map((i) => networks[i]),
      hostNetwork: w.hostNetwork || undefined,
      dependsOn: w.dependsOn.filter((d) => d.on < built.length).map((d) => Dependency[d.condition](built[d.on])),
      suppress: w.suppress as Partial<Record<SuppressibleCode, string>>,
    };
    const made =
      w.kind === 'service'
        ? new Service(system, w.name, { ...props, ports: w.ports.map(port), replicas: w.replicas, restart: w.restart as never })
        : new Job(system, w.name, { ...props, restart: w.restart, schedule: w.schedule });
    for (const s of w.sidecars) made.addSidecar(s.name, { ...container(s, volumes, secrets), volumesFrom: s.volumesFrom });
    built.push(made);
  }
  return system;
}

function container(c: ContainerPlan, volumes: Volume[], secrets: Secret[]): ContainerProps {
  const secretEnv: Record<string, Secret> = {};
  for (const [k, i] of Object.entries(c.secretEnv)) if (i < secrets.length) secretEnv[k] = secrets[i];
  return {
    image: image(c, secrets),
    command: c.command,
    security: c.user !== undefined ? { user: c.user } : undefined,
    workingDir: c.workingDir,
    env: c.env,
    secretEnv,
    resources: c.resources,
    mounts: c.mounts.flatMap((m) => mount(m, volumes)),
    health: c.health === undefined ? undefined : health(c.health),
    labels: c.labels,
    logging: c.logging,
    privileged: c.privileged || undefined,
  };
}

function image(c: ContainerPlan, secrets: Secret[]): Image {
  const i = c.image;
  if (i.kind === 'build') return Image.build({ context: i.context, tag: i.tag });
  const credentials = i.credentials !== undefined && i.credentials < secrets.length ? secrets[i.credentials] : undefined;
  return Image.of(i.ref, credentials ? { credentials } : {});
}

function port(p: PortPlan): Port {
  const base = p.kind === 'tcp' ? Port.tcp(p.port) : p.kind === 'udp' ? Port.udp(p.port) : Port.http(p.port);
  if (p.publish === 'none') return base;
  return p.publish === 'dynamic' ? base.publish() : base.publish(p.publish);
}

function mount(m: MountPlan, volumes: Volume[]): Mount[] {
  if (m.kind === 'volume') return m.volume < volumes.length ? [Mount.volume(volumes[m.volume], m.target, { readOnly: m.readOnly })] : [];
  if (m.kind === 'bind') return [Mount.bind(m.source, m.target, { readOnly: m.readOnly })];
  return [Mount.ephemeral(m.target, { tmpfs: m.tmpfs, ...(m.sizeLimit === undefined ? {} : { sizeLimit: m.sizeLimit }) })];
}

function health(h: HealthPlan): HealthCheck {
  const options: HealthCheckOptions = { ...(h.interval === undefined ? {} : { interval: h.interval }), ...(h.retries === undefined ? {} : { retries: h.retries }) };
  switch (h.kind) {
    case 'command':
      return HealthCheck.command(['pg_isready', '-h', 'localhost'], options);
    case 'shell':
      return HealthCheck.shell(`wget -qO- http://localhost:${h.port}/ || exit 1`, options);
    case 'http':
      return HealthCheck.http('/healthz', h.port, options);
    case 'tcp':
      return HealthCheck.tcp(h.port, options);
  }
}

/**
 * A strict plan's workload, changed to keep the rules that span several fields (names unique, no duplicate
 * ports or mount targets, conditions a dependency can meet, restart policies of its kind, host networking
 * alone); undefined when its name is taken.
 */
function keepRules(w: WorkloadPlan, plan: SystemPlan, used: Set<string>): WorkloadPlan | undefined {
  if (used.has(w.name)) return undefined;
  used.add(w.name);
  const sidecars = w.sidecars.filter((s) => !used.has(s.name) && !used.has(`${w.name}-${s.name}`) && s.name !== w.name);
  for (const s of sidecars) used.add(`${w.name}-${s.name}`);
  const earlier = plan.workloads.slice(0, plan.workloads.indexOf(w));
  const dependsOn = w.dependsOn
    .filter((d, i, all) => all.findIndex((o) => o.on === d.on) === i)
    .map((d) => {
      const target = earlier[d.on];
      if (!target) return d;
      if (d.condition === 'completed' && target.kind !== 'job') return { ...d, condition: 'started' as const };
      if (d.condition === 'healthy' && target.health === undefined) return { ...d, condition: 'started' as const };
      return d;
    });
  const sameProtocol = (a: PortPlan, b: PortPlan) => (a.kind === 'udp') === (b.kind === 'udp');
  const ports = w.ports.filter(
    (p, i, all) => all.findIndex((o) => sameProtocol(o, p) && (o.port === p.port || (typeof o.publish === 'number' && o.publish === p.publish))) === i,
  );
  const restart = w.kind === 'service' ? (w.restart === 'unless-stopped' ? w.restart : 'always') : w.restart === 'on-failure' || w.restart === 'on-failure:3' ? w.restart : 'no';
  return {
    ...w,
    ...distinctMounts(w),
    sidecars: sidecars.map((s) => ({ ...s, ...distinctMounts(s) })),
    dependsOn,
    ports: w.hostNetwork ? [] : ports,
    networks: w.hostNetwork ? [] : w.networks,
    restart,
  };
}

function distinctMounts(c: ContainerPlan): { env: Record<string, string>; mounts: MountPlan[] } {
  const env = Object.fromEntries(Object.entries(c.env).filter(([k]) => !(k in c.secretEnv)));
  return { env, mounts: c.mounts.filter((m, i, all) => all.findIndex((o) => o.target === m.target) === i) };
}
