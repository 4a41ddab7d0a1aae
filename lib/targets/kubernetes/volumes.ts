import { ApiObject, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { MountSpec, SystemSpec } from '../../model/spec';
import { hostPathVolumeText } from '../host-path-volume';
import type { KubernetesReporter } from './context';
import { applyOverride, isObject, overrideKindDefaults } from './overrides';
import { memoryQuantity } from './quantities';

/**
 * One PersistentVolumeClaim per named volume, named after it: its size, ReadWriteOnce, or ReadWriteMany with a
 * warning when several workloads mount it; the storage class when the model names one. `defer` receives the
 * override that writes the size as the model says it. A volume with a host path is a claim as any other, with a
 * note that its data is in the claim, not in the project folder. Returns the claims by volume name.
 */
export function renderClaims(
  scope: Construct,
  spec: SystemSpec,
  reporter: KubernetesReporter,
  defer: (step: () => void) => void,
): Map<string, kplus.PersistentVolumeClaim> {
  const claims = new Map<string, kplus.PersistentVolumeClaim>();
  for (const v of spec.volumes) {
    const shared = v.users.length > 1;
    if (shared) {
      reporter.report(
        'kubernetes/shared-volume',
        `${v.path} users`,
        `the volume is mounted by ${v.users.join(', ')}: its claim asks for ReadWriteMany, which many storage classes do not offer`,
        'Use a storage class that supports ReadWriteMany (NFS, CephFS, EFS), or give each workload its own volume.',
      );
    }
    const onHost = hostPathVolumeText(spec, v, `the PersistentVolumeClaim ${v.name}`, (use) => `kubectl cp ${v.hostPath}/. <pod of ${use.workload}>:${use.target}`);
    if (onHost) reporter.report('kubernetes/project-folder-claim', `${v.path} hostPath`, ...onHost);
    const claim = new kplus.PersistentVolumeClaim(scope, `claim-${v.name}`, {
      metadata: { name: v.name },
      // the real quantity is written by the override in readable units; Size is only cdk8s-plus's input, which
      // it converts to whole gibibytes (and throws on anything else), so it gets a whole number here
      storage: Size.gibibytes(Math.max(1, Math.ceil(v.sizeBytes / 1024 ** 3))),
      accessModes: [shared ? kplus.PersistentVolumeAccessMode.READ_WRITE_MANY : kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      ...(v.storageClass ? { storageClassName: v.storageClass } : {}),
    });
    claims.set(v.name, claim);
    defer(() =>
      applyOverride(ApiObject.of(claim), (json) => {
        overrideKindDefaults(json);
        const resources = isObject(json.spec) ? json.spec.resources : undefined;
        if (isObject(resources)) resources.requests = { storage: claimSize(v.sizeBytes) };
      }),
    );
  }
  return claims;
}

/** The readable size of a claim: `10Gi`. */
function claimSize(sizeBytes: number): string {
  return memoryQuantity(sizeBytes).text;
}

export interface MountedVolume {
  readonly volume: kplus.Volume;
  readonly path: string;
  readonly readOnly: boolean;
}

/**
 * The volumes of one pod. Each distinct source (a claim, an ephemeral mount, a host path) becomes one pod
 * volume, so containers that share a mount (a sidecar with volumesFrom) share the volume.
 */
export class PodVolumes {
  private readonly byKey = new Map<string, kplus.Volume | undefined>();
  private readonly usedNames = new Set<string>();
  /** emptyDir size limits by pod volume name, for the override. */
  public readonly sizeLimits: Record<string, string> = {};

  constructor(
    private readonly scope: Construct,
    private readonly claims: ReadonlyMap<string, kplus.PersistentVolumeClaim>,
    private readonly reporter: KubernetesReporter,
  ) {}

  /** The pod volume for one mount, or undefined when the mount cannot exist on a cluster (a diagnostic says so). */
  mount(m: MountSpec, where: string): MountedVolume | undefined {
    const volume = this.volumeFor(m, where);
    return volume ? { volume, path: m.target, readOnly: m.readOnly } : undefined;
  }

  private volumeFor(m: MountSpec, where: string): kplus.Volume | undefined {
    switch (m.kind) {
      case 'volume':
        return this.once(`claim:${m.volume}`, m.volume, (name) => {
          const claim = this.claims.get(m.volume);
          if (!claim) throw new Error(`${where}: volume ${m.volume} is not in the spec`);
          return kplus.Volume.fromPersistentVolumeClaim(this.scope, `volume-${name}`, claim, { name });
        });
      case 'ephemeral':
        return this.once(`ephemeral:${m.name}`, m.name, (name) => {
          if (m.sizeLimitBytes !== undefined) this.sizeLimits[name] = memoryQuantity(m.sizeLimitBytes).text;
          if (m.mode !== undefined || m.uid !== undefined || m.gid !== undefined) {
            const given = [m.mode !== undefined ? `mode ${m.mode.toString(8)}` : '', m.uid !== undefined ? `uid ${m.uid}` : '', m.gid !== undefined ? `gid ${m.gid}` : ''];
            this.reporter.report(
              'kubernetes/tmpfs-ownership',
              where,
              `an emptyDir has no mode or owner: ${given.filter((g) => g !== '').join(', ')} of ${m.target} is left out, and the directory is writable by every user (0777)`,
            );
          }
          return kplus.Volume.fromEmptyDir(this.scope, `volume-${name}`, name, m.tmpfs ? { medium: kplus.EmptyDirMedium.MEMORY } : {});
        });
      case 'bind':
        if (!m.source.startsWith('/')) {
          if (this.byKey.has(`relative:${m.source}`)) return undefined;
          this.byKey.set(`relative:${m.source}`, undefined);
          this.reporter.report(
            'kubernetes/relative-bind',
            where,
            `the bind mount of ${m.source} (relative to the project) on ${m.target} is left out: a cluster node has no copy of your project, so the container sees the image’s own files at ${m.target}`,
            `Copy the files into the image (COPY in the Dockerfile), use a volume, or bind an absolute path that exists on every node.`,
          );
          return undefined;
        }
        return this.once(`bind:${m.source}`, 'host', (name) => {
          this.reporter.report(
            'kubernetes/host-path',
            where,
            `the bind mount of ${m.source} becomes a hostPath volume: it reads the node the pod is scheduled on, not your machine`,
            'Prefer a volume (PersistentVolumeClaim); keep hostPath for node agents that need the node’s files.',
          );
          return kplus.Volume.fromHostPath(this.scope, `volume-${name}`, name, { path: m.source });
        });
    }
  }

  private once(key: string, wanted: string, make: (name: string) => kplus.Volume): kplus.Volume {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const name = this.uniqueName(wanted);
    const volume = make(name);
    this.byKey.set(key, volume);
    return volume;
  }

  private uniqueName(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.usedNames.has(name); i++) name = `${wanted.slice(0, 60)}-${i}`;
    this.usedNames.add(name);
    return name;
  }
}
