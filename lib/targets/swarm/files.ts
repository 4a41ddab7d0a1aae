import type { ContainerSpec, SystemSpec } from '../../model/spec';
import type { TargetFile } from '../target';
import { allContainers, placedConfigs, placedSecrets, secretsMountedAsFiles } from '../docker-engine/files';
import { fromProjectRoot } from '../docker-engine/paths';
import type { StackMap, StackValue } from './document';
import type { SwarmScope } from './scope';
import { secretEnvSwarmSecrets, topLevelSecret } from './secrets';

/** A container's config files and secret files as the service's `configs` and `secrets`, at the model's paths. */
export function fileKeys(scope: SwarmScope, container: ContainerSpec): { configs?: StackValue[]; secrets: StackValue[] } {
  const configs = placedConfigs(scope.spec, container).map((c) => ({ source: c.key, target: c.target, mode: c.mount.mode }));
  const secrets = placedSecrets(scope.spec, container).map((s) => ({ source: s.secret.name, target: s.mount.target, mode: s.mount.mode }));
  return { ...(configs.length > 0 ? { configs } : {}), secrets };
}

/** The folder beside the stack file that holds the text of inline configs, `<app>/configs`, relative to dist/swarm. */
export function inlineConfigsDir(app: string): string {
  return `${app}/configs`;
}

/**
 * The files of inline configs (ConfigFile `content`), written beside the stack file, `<app>/configs/<config>`:
 * `docker stack deploy` reads configs from files only, and a stack file has no `content`.
 */
export function inlineConfigFiles(spec: SystemSpec): TargetFile[] {
  const out = new Map<string, TargetFile>();
  for (const container of allContainers(spec)) {
    for (const c of placedConfigs(spec, container)) {
      if (c.projectFile !== undefined) continue;
      const path = `${inlineConfigsDir(spec.name)}/${c.key}`;
      out.set(path, { path, content: Buffer.from(c.entry.base64, 'base64').toString('utf8') });
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The top-level `configs`: each project file, and the file of each inline text beside the stack file, under a name
 * that holds its content hash, `<app>_<config>-<sha>`, because a Swarm config cannot change: a new content is a
 * new config.
 */
export function topLevelConfigs(scope: SwarmScope): StackMap | undefined {
  const out: StackMap = {};
  for (const container of allContainers(scope.spec)) {
    for (const c of placedConfigs(scope.spec, container)) {
      const file = c.projectFile === undefined ? `configs/${c.key}` : fromProjectRoot(scope.projectRoot, c.projectFile);
      out[c.key] = { file, name: `${scope.spec.name}_${c.key}-${c.entry.sha256.slice(0, 12)}`.slice(0, 64) };
    }
  }
  const keys = Object.keys(out).sort();
  return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, out[k]])) : undefined;
}

/**
 * The top-level `secrets` of secrets mounted as files only (secret env read through a Swarm secret has its own):
 * one with a project file is created from it by `docker stack deploy`; any other is an external Swarm secret,
 * reported with the command that creates it.
 */
export function fileSecrets(scope: SwarmScope): StackMap {
  const asEnv = new Set(secretEnvSwarmSecrets(scope.spec).map((s) => s.name));
  const out: StackMap = {};
  for (const secret of secretsMountedAsFiles(scope.spec)) {
    if (!asEnv.has(secret.name)) out[secret.name] = topLevelSecret(scope, secret);
  }
  return out;
}
