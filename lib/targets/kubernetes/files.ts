import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ConfigFileEntrySpec, ConfigFileSpec, ContainerSpec, SystemSpec } from '../../model/spec';
import type { SecretResolver } from './container';
import type { KubernetesReporter } from './context';

/** What the API server accepts in one ConfigMap's `data` and `binaryData` together. */
const CONFIG_MAP_MAX_BYTES = 1024 * 1024;

/** The ConfigMap key of each file of a config file: its path with `/` as `_`, made unique. */
function configMapKeys(configFile: ConfigFileSpec): string[] {
  const used = new Set<string>();
  return configFile.files.map((entry) => {
    const base = entry.name.replace(/[^-._a-zA-Z0-9]+/g, '_');
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    return key;
  });
}

/**
 * One ConfigMap per config file that some workload mounts, named after it: text files under `data`, other bytes
 * under `binaryData` (base64), so the container reads the project's bytes. A config file over the ConfigMap limit
 * is an error located at the config file.
 */
export function renderConfigMaps(scope: Construct, spec: SystemSpec, reporter: KubernetesReporter): Map<string, kplus.IConfigMap> {
  const maps = new Map<string, kplus.IConfigMap>();
  for (const cf of spec.configFiles) {
    if (cf.users.length === 0) continue;
    const keys = configMapKeys(cf);
    const size = cf.files.reduce((sum, e, i) => sum + e.sizeBytes + keys[i].length, 0);
    if (size > CONFIG_MAP_MAX_BYTES) {
      reporter.report(
        'kubernetes/config-file-size',
        `${cf.path} ${cf.source === 'content' ? 'content' : 'file'}`,
        `a ConfigMap holds at most ${CONFIG_MAP_MAX_BYTES} bytes (got ${size} in ${cf.projectPath ?? cf.name})`,
        'Ship the file in the image, or mount it from a volume.',
      );
      continue;
    }
    const data: Record<string, string> = {};
    const binaryData: Record<string, string> = {};
    cf.files.forEach((e: ConfigFileEntrySpec, i) => {
      if (e.text) data[keys[i]] = Buffer.from(e.base64, 'base64').toString('utf8');
      else binaryData[keys[i]] = e.base64;
    });
    maps.set(
      cf.name,
      new kplus.ConfigMap(scope, `config-${cf.name}`, {
        metadata: { name: cf.name },
        ...(Object.keys(data).length > 0 ? { data } : {}),
        ...(Object.keys(binaryData).length > 0 ? { binaryData } : {}),
      }),
    );
  }
  return maps;
}

/**
 * Mounts a container's config files and secret files: one pod volume per config file or secret and container,
 * each file mounted by `subPath` at the model's path, read-only with the model's mode, so the rest of its folder
 * stays the image's.
 */
export function mountFiles(
  pod: Construct,
  container: kplus.Container,
  c: ContainerSpec,
  spec: SystemSpec,
  configMaps: ReadonlyMap<string, kplus.IConfigMap>,
  secrets: SecretResolver,
): void {
  for (const f of c.files) {
    const id = `${c.name}-${f.kind}-${f.index}`;
    const name = `${f.kind}-${f.index}-${c.name}`.slice(0, 63).replace(/-+$/, '');
    if (f.kind === 'config') {
      const cf = spec.configFiles.find((x) => x.name === f.source);
      const map = configMaps.get(f.source);
      if (!cf || !map) continue;
      const keys = configMapKeys(cf);
      const items: Record<string, kplus.PathMapping> = {};
      cf.files.forEach((e, i) => (items[keys[i]] = { path: e.name, mode: f.mode }));
      const volume = kplus.Volume.fromConfigMap(pod, `files-${id}`, map, { name, items, defaultMode: f.mode });
      for (const e of cf.files) {
        container.mount(cf.source === 'folder' ? `${f.target}/${e.name}` : f.target, volume, { subPath: e.name, readOnly: true });
      }
      continue;
    }
    const ref = secrets.ref(f.source);
    if (!ref) continue;
    const file = f.target.slice(f.target.lastIndexOf('/') + 1);
    const volume = kplus.Volume.fromSecret(pod, `files-${id}`, ref.secret, { name, items: { [ref.key]: { path: file, mode: f.mode } }, defaultMode: f.mode });
    container.mount(f.target, volume, { subPath: file, readOnly: true });
  }
}
