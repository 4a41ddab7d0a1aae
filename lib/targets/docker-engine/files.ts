import { posix } from 'node:path';
import type { ConfigFileEntrySpec, ConfigFileSpec, ContainerSpec, FileMountSpec, SecretSpec, SystemSpec } from '../../model/spec';
import { propPath } from './prop-path';

/** One file a container gets from a config file mount: which bytes, under which engine config name, where. */
export interface PlacedConfig {
  readonly mount: FileMountSpec;
  readonly configFile: ConfigFileSpec;
  readonly entry: ConfigFileEntrySpec;
  /** The config's key in a compose or stack file: the ConfigFile's name, plus the file's for a folder. */
  readonly key: string;
  /** Where the container sees the file. */
  readonly target: string;
  /** The project file (POSIX, relative to the project root) holding the bytes; undefined for `content`. */
  readonly projectFile?: string;
  /** `mounts[i]` of the container. */
  readonly path: string;
}

/** One secret a container gets as a file. */
export interface PlacedSecret {
  readonly mount: FileMountSpec;
  readonly secret: SecretSpec;
  readonly path: string;
}

/** The engine config keys of a config file's entries, one per file, in the entries' order. */
function configKeys(configFile: ConfigFileSpec): string[] {
  if (configFile.source !== 'folder') return [configFile.name];
  const used = new Set<string>();
  return configFile.files.map((entry) => {
    const base = `${configFile.name}_${entry.name.replace(/[^A-Za-z0-9.-]+/g, '_')}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    return key;
  });
}

/** The config files of one container, file by file. */
export function placedConfigs(spec: SystemSpec, container: ContainerSpec): PlacedConfig[] {
  const out: PlacedConfig[] = [];
  for (const mount of container.files) {
    if (mount.kind !== 'config') continue;
    const configFile = spec.configFiles.find((c) => c.name === mount.source);
    if (!configFile) throw new Error(`config file ${mount.source} is not declared in system ${spec.name}`);
    const keys = configKeys(configFile);
    configFile.files.forEach((entry, i) => {
      const folder = configFile.source === 'folder';
      out.push({
        mount,
        configFile,
        entry,
        key: keys[i],
        target: folder ? posix.join(mount.target, entry.name) : mount.target,
        ...(configFile.projectPath !== undefined ? { projectFile: folder ? posix.join(configFile.projectPath, entry.name) : configFile.projectPath } : {}),
        path: propPath(container.path, `mounts[${mount.index}]`),
      });
    });
  }
  return out;
}

/** The secrets one container gets as files. */
export function placedSecrets(spec: SystemSpec, container: ContainerSpec): PlacedSecret[] {
  return container.files
    .filter((m) => m.kind === 'secret')
    .map((mount) => {
      const secret = spec.secrets.find((s) => s.name === mount.source);
      if (!secret) throw new Error(`secret ${mount.source} is not declared in system ${spec.name}`);
      return { mount, secret, path: propPath(container.path, `mounts[${mount.index}]`) };
    });
}

/** Every container of the system, main containers and sidecars. */
export function allContainers(spec: SystemSpec): ContainerSpec[] {
  return [...spec.services, ...spec.jobs].flatMap((w) => [w.main, ...w.sidecars]);
}

/** Secrets some container mounts as a file, in the spec's order. */
export function secretsMountedAsFiles(spec: SystemSpec): SecretSpec[] {
  const used = new Set(allContainers(spec).flatMap((c) => c.files.filter((f) => f.kind === 'secret').map((f) => f.source)));
  return spec.secrets.filter((s) => used.has(s.name));
}
