import type { WorkloadSpec } from '../model/spec';

/** The concepts a workload can use, in the order a report lists them, with what a person reads. */
export const CONCEPTS: ReadonlyArray<{ readonly id: string; readonly label: string }> = [
  { id: 'workload', label: 'workload' },
  { id: 'image', label: 'image' },
  { id: 'process', label: 'command, user' },
  { id: 'env', label: 'env' },
  { id: 'secretEnv', label: 'secret env' },
  { id: 'ports', label: 'ports' },
  { id: 'routes', label: 'routes' },
  { id: 'resources', label: 'resources' },
  { id: 'mounts', label: 'mounts' },
  { id: 'files', label: 'config and secret files' },
  { id: 'sidecars', label: 'sidecars' },
  { id: 'networks', label: 'networks' },
  { id: 'health', label: 'health check' },
  { id: 'replicas', label: 'replicas' },
  { id: 'placement', label: 'placement' },
  { id: 'rollout', label: 'rollout' },
  { id: 'autoscale', label: 'autoscale' },
  { id: 'restart', label: 'restart' },
  { id: 'schedule', label: 'schedule' },
  { id: 'dependsOn', label: 'depends on' },
  { id: 'labels', label: 'labels' },
  { id: 'logging', label: 'log limits' },
  { id: 'privileged', label: 'privileged' },
  { id: 'hostNetwork', label: 'host network' },
  { id: 'security', label: 'security' },
  { id: 'options', label: 'target options' },
  { id: 'other', label: 'other' },
];

const PROP_CONCEPT: Readonly<Record<string, string>> = {
  command: 'process',
  entrypoint: 'process',
  workingDir: 'process',
  user: 'process',
  volumesFrom: 'mounts',
  mode: 'replicas',
  ulimits: 'resources',
  gpus: 'resources',
  extraHosts: 'networks',
  dns: 'networks',
  devices: 'security',
  hostPid: 'security',
  size: 'mounts',
  storageClass: 'mounts',
  targetOptions: 'options',
  suppress: 'other',
  serviceLabels: 'labels',
};

/** The concept a diagnostic's prop (`ports[1]`, `health`, `targetOptions.ecs.launchType`) is about. */
export function conceptOfProp(prop: string): string {
  if (/^ports\[\d+\]\.routes/.test(prop)) return 'routes';
  const head = /^[A-Za-z]+/.exec(prop)?.[0] ?? '';
  if (head === '') return 'workload';
  if (PROP_CONCEPT[head]) return PROP_CONCEPT[head];
  return CONCEPTS.some((c) => c.id === head) ? head : 'other';
}

export function labelOf(concept: string): string {
  return CONCEPTS.find((c) => c.id === concept)?.label ?? concept;
}

/** The concepts a workload uses, read from its spec. */
export function conceptsUsed(w: WorkloadSpec): Set<string> {
  const c = w.main;
  const used = new Set<string>(['workload', 'image', 'restart']);
  const add = (id: string, when: boolean) => when && used.add(id);
  add('process', c.command !== undefined || c.entrypoint !== undefined || c.workingDir !== undefined || c.security.user !== undefined);
  add('env', Object.keys(c.env).length > 0);
  add('secretEnv', c.secretEnv.length > 0);
  add('ports', c.ports.length > 0);
  add('routes', c.ports.some((p) => p.routes !== undefined));
  add('resources', Object.values(c.resources).some((v) => v !== undefined) || w.gpus !== undefined);
  add('mounts', c.mounts.length > 0);
  add('files', [c, ...w.sidecars].some((x) => x.files.length > 0));
  add('sidecars', w.sidecars.length > 0);
  add('networks', !w.hostNetwork);
  add('health', c.health !== undefined);
  add('replicas', w.kind === 'service');
  add('placement', w.placement !== undefined);
  add('rollout', w.kind === 'service' && w.rollout === 'recreate');
  add('autoscale', w.kind === 'service' && w.autoscale !== undefined);
  add('schedule', w.kind === 'job' && w.schedule !== undefined);
  add('dependsOn', w.dependsOn.length > 0);
  add('labels', Object.keys(c.labels).length > 0 || w.serviceLabels !== undefined);
  add('logging', c.logging !== undefined);
  add('privileged', c.privileged || w.sidecars.some((s) => s.privileged));
  add('hostNetwork', w.hostNetwork);
  add('security', [w.main, ...w.sidecars].some((x) => x.security.user !== undefined || x.security.readOnlyRootFilesystem || x.security.noNewPrivileges || x.security.capabilities.add.length + x.security.capabilities.drop.length > 0));
  return used;
}

export function conceptOrder(id: string): number {
  const i = CONCEPTS.findIndex((c) => c.id === id);
  return i < 0 ? CONCEPTS.length : i;
}
