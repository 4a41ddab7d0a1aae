import type { ServiceRestart } from '../../model/service-restart';
import {
  ConfigFile,
  ContainerProps, Dependency, HealthCheck, Image, Job, ModelError, Mount, Network, Placement, PlacementProps, Port, Secret, SecurityProps, Service, System, Volume, Workload,
} from '../../model';
import { placementFactory } from './placement';
import { runtimeProps } from './dns';
import type { ContainerPlan, HealthPlan, ImagePlan, ImportPlan, MountPlan, PlacementPlan, PortPlan, SecurityPlan, SourceRef } from './plan';

/** A model error met while building, with where the service is written in the file. */
export interface BuildError {
  readonly source: SourceRef;
  readonly message: string;
}

function imageFromPlan(plan: ImagePlan): Image {
  return plan.kind === 'registry'
    ? Image.of(plan.ref)
    : Image.build({ context: plan.context, tag: plan.tag, ...(plan.dockerfile ? { dockerfile: plan.dockerfile } : {}), ...(plan.args ? { args: { ...plan.args } } : {}), ...(plan.target ? { target: plan.target } : {}) });
}

function portFromPlan(plan: PortPlan): Port {
  const base = plan.http ? Port.http(plan.containerPort) : plan.protocol === 'udp' ? Port.udp(plan.containerPort) : Port.tcp(plan.containerPort);
  if (plan.publish === undefined) return base;
  const options = plan.hostIp !== undefined ? { hostIp: plan.hostIp } : {};
  return base.publish(plan.publish === 'dynamic' ? undefined : plan.publish, options);
}

function healthFromPlan(plan: HealthPlan): HealthCheck {
  const o = { ...plan.options };
  switch (plan.kind) {
    case 'command':
      return HealthCheck.command([...plan.command], o);
    case 'shell':
      return HealthCheck.shell(plan.commandLine, o);
    case 'http':
      return HealthCheck.http(plan.path, plan.port, o);
    case 'tcp':
      return HealthCheck.tcp(plan.port, o);
  }
}

function mountFromPlan(plan: MountPlan, volumes: ReadonlyMap<string, Volume>, configFiles: ReadonlyMap<string, ConfigFile>, secrets: ReadonlyMap<string, Secret>): Mount {
  const ro = plan.readOnly ? { readOnly: true } : {};
  switch (plan.kind) {
    case 'volume':
      return Mount.volume(volumes.get(plan.volume) as Volume, plan.target, ro);
    case 'ephemeral':
      return Mount.ephemeral(plan.target, {
        ...ro,
        ...(plan.tmpfs ? { tmpfs: true } : {}),
        ...(plan.sizeLimit ? { sizeLimit: plan.sizeLimit } : {}),
        ...(plan.mode !== undefined ? { mode: plan.mode } : {}),
        ...(plan.uid !== undefined ? { uid: plan.uid } : {}),
        ...(plan.gid !== undefined ? { gid: plan.gid } : {}),
      });
    case 'bind':
      return Mount.bind(plan.source, plan.target, { ...ro, ...(plan.inImage ? { inImage: true } : {}) });
    case 'secret':
      return Mount.secret(secrets.get(plan.secret) as Secret, plan.target, plan.mode !== undefined ? { mode: plan.mode } : {});
    case 'config':
      return Mount.config(configFiles.get(plan.configFile) as ConfigFile, plan.target, plan.mode !== undefined ? { mode: plan.mode } : {});
  }
}

function securityFromPlan(plan: SecurityPlan): SecurityProps {
  const { capabilities: c, groups, ...rest } = plan;
  return { ...rest, ...(groups ? { groups: [...groups] } : {}), ...(c ? { capabilities: { ...(c.add ? { add: [...c.add] } : {}), ...(c.drop ? { drop: [...c.drop] } : {}) } } : {}) };
}

function containerProps(plan: ContainerPlan, volumes: ReadonlyMap<string, Volume>, secrets: ReadonlyMap<string, Secret>, configFiles: ReadonlyMap<string, ConfigFile>): ContainerProps {
  const secretEnv: Record<string, Secret> = {};
  for (const [k, id] of Object.entries(plan.secretEnv)) secretEnv[k] = secrets.get(id) as Secret;
  const r = plan.resources;
  return {
    image: imageFromPlan(plan.image),
    ...(plan.command ? { command: [...plan.command] } : {}),
    ...(plan.entrypoint ? { entrypoint: [...plan.entrypoint] } : {}),
    ...(plan.workingDir !== undefined ? { workingDir: plan.workingDir } : {}),
    ...(plan.security ? { security: securityFromPlan(plan.security) } : {}),
    ...(Object.keys(plan.env).length > 0 ? { env: { ...plan.env } } : {}),
    ...(Object.keys(secretEnv).length > 0 ? { secretEnv } : {}),
    ...(Object.keys(r).length > 0 ? { resources: { ...r } } : {}),
    ...(plan.mounts.length > 0 ? { mounts: plan.mounts.map((m) => mountFromPlan(m, volumes, configFiles, secrets)) } : {}),
    ...(plan.health ? { health: healthFromPlan(plan.health) } : {}),
    ...(Object.keys(plan.labels).length > 0 ? { labels: { ...plan.labels } } : {}),
    ...(plan.logging ? { logging: { ...plan.logging } } : {}),
    ...(plan.privileged ? { privileged: true } : {}),
  };
}

/**
 * Builds the plan with the model's public constructs, exactly as the TypeScript that `lading import` writes does.
 * A construct the model rejects is left out and its error returned with where the file says it.
 */
export function buildSystem(plan: ImportPlan, projectRoot: string = process.cwd()): { system: System; errors: BuildError[] } {
  const errors: BuildError[] = [];
  const targetOptions = {
    ...(plan.composeSecrets ? { compose: { secrets: plan.composeSecrets } } : {}),
    ...(plan.swarmSecrets ? { swarm: { secrets: plan.swarmSecrets } } : {}),
    ...(plan.ecsLaunchType ? { ecs: { launchType: plan.ecsLaunchType } } : {}),
  };
  const system = new System(plan.name, Object.keys(targetOptions).length > 0 ? { targetOptions } : {});
  const networks = new Map(plan.networks.map((n) => [n.id, new Network(system, n.id, { ...(n.internal ? { internal: true } : {}), ...(n.dockerName !== undefined ? { dockerName: n.dockerName } : {}) })]));
  const volumes = new Map(plan.volumes.map((v) => [v.id, new Volume(system, v.id, { ...(v.dockerName !== undefined ? { dockerName: v.dockerName } : {}), ...(v.hostPath !== undefined ? { hostPath: v.hostPath } : {}) })]));
  const secrets = new Map(
    plan.secrets.map((s) => [s.id, new Secret(system, s.id, { ...(s.envName ? { envName: s.envName } : {}), ...(s.existingName ? { existingName: s.existingName } : {}), ...(s.file !== undefined ? { file: s.file } : {}) })]),
  );
  const configFiles = projectConfigFiles(system, plan, projectRoot, errors);
  const workloads = new Map<string, Workload>();
  for (const w of plan.workloads) {
    try {
      const base = {
        ...containerProps(w.container, volumes, secrets, configFiles),
        ...(w.networks.length > 0 ? { networks: w.networks.map((n) => networks.get(n) as Network) } : {}),
        ...(w.hostNetwork ? { hostNetwork: true } : {}),
        ...runtimeProps(w.runtime),
        ...(w.placement ? { placement: placementProps(w.placement) } : {}),
        ...(w.dependsOn.some((d) => workloads.has(d.target))
          ? {
              dependsOn: w.dependsOn
                .filter((d) => workloads.has(d.target))
                .map((d) => Dependency[d.condition](workloads.get(d.target) as Workload)),
            }
          : {}),
      };
      const workload =
        w.kind === 'service'
          ? new Service(system, w.id, {
              ...base,
              ...(w.ports.length > 0 ? { ports: w.ports.map(portFromPlan) } : {}),
              ...(w.replicas !== 1 ? { replicas: w.replicas } : {}),
              ...(w.global ? { mode: 'global' as const } : {}),
              ...(w.restart !== 'always' ? { restart: w.restart as ServiceRestart } : {}),
            })
          : new Job(system, w.id, { ...base, ...(w.restart !== 'no' ? { restart: w.restart } : {}) });
      workloads.set(w.id, workload);
      for (const s of w.sidecars) {
        try {
          workload.addSidecar(s.id, { ...containerProps(s.container, volumes, secrets, configFiles), ...(s.volumesFrom ? {} : { volumesFrom: false }) });
        } catch (e) {
          if (!ModelError.is(e)) throw e;
          errors.push({ source: s.source, message: (e as Error).message });
        }
      }
    } catch (e) {
      if (!ModelError.is(e)) throw e;
      errors.push({ source: w.source, message: (e as Error).message });
    }
  }
  return { system, errors };
}

/**
 * The plan's config files. A ConfigFile reads its file relative to the working directory, where `lading synth`
 * runs: while they are read, that is the project root the plan's paths start from.
 */
function projectConfigFiles(system: System, plan: ImportPlan, projectRoot: string, errors: BuildError[]): Map<string, ConfigFile> {
  const out = new Map<string, ConfigFile>();
  if (!plan.configFiles || plan.configFiles.length === 0) return out;
  const cwd = process.cwd();
  process.chdir(projectRoot);
  try {
    for (const c of plan.configFiles) {
      try {
        out.set(c.id, new ConfigFile(system, c.id, c.file !== undefined ? { file: c.file } : { content: c.content ?? '' }));
      } catch (e) {
        if (!ModelError.is(e)) throw e;
        errors.push({ source: { keyPath: 'services', line: 0 }, message: (e as Error).message });
      }
    }
  } finally {
    process.chdir(cwd);
  }
  return out;
}

/** The plan's placement as the model's props: each rule made by its `Placement` factory. */
function placementProps(p: PlacementPlan): PlacementProps {
  const constraints = p.constraints.map((c) => {
    const { name, args } = placementFactory(c);
    const rule = (Placement[name] as (...a: string[]) => Placement)(...args);
    return c.operator === '!=' ? rule.not() : rule;
  });
  return { constraints, spread: [...p.spread], ...(p.maxReplicasPerNode !== undefined ? { maxReplicasPerNode: p.maxReplicasPerNode } : {}) };
}
