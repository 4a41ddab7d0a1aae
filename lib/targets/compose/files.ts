import type { ContainerSpec } from '../../model/spec';
import { fromProjectRoot } from '../docker-engine/paths';
import { placedConfigs, placedSecrets, secretsMountedAsFiles, allContainers } from '../docker-engine/files';
import type { ComposeMap, ComposeValue } from './document';
import type { ComposeScope } from './scope';

/**
 * A container's config files and secret files: the service's `configs` and `secrets` in the long syntax, each at
 * the model's path with its mode. Compose mounts them read-only.
 */
export function fileKeys(scope: ComposeScope, container: ContainerSpec): { configs?: ComposeValue[]; secrets: ComposeValue[] } {
  const configs = placedConfigs(scope.spec, container).map((c) => ({ source: c.key, target: c.target, mode: c.mount.mode }));
  const secrets = placedSecrets(scope.spec, container).map((s) => ({ source: s.secret.name, target: s.mount.target, mode: s.mount.mode }));
  return { ...(configs.length > 0 ? { configs } : {}), secrets };
}

/** The top-level `configs`: a project file by its path, inline text as `content`. */
export function topLevelConfigs(scope: ComposeScope): ComposeMap | undefined {
  const out: ComposeMap = {};
  for (const container of allContainers(scope.spec)) {
    for (const c of placedConfigs(scope.spec, container)) {
      out[c.key] = c.projectFile !== undefined ? { file: fromProjectRoot(scope.projectRoot, c.projectFile) } : { content: Buffer.from(c.entry.base64, 'base64').toString('utf8') };
    }
  }
  const keys = Object.keys(out).sort();
  return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, out[k]])) : undefined;
}

/**
 * The top-level `secrets` of secrets mounted as files: the value comes from the deploying host's environment
 * variable at `docker compose up` (from the file `secrets/<name>` with the Compose option `secrets: 'files'`), or
 * from the secret's own project file.
 */
export function fileSecrets(scope: ComposeScope): ComposeMap {
  const out: ComposeMap = {};
  const filesMode = scope.spec.options.compose.secrets === 'files';
  for (const secret of secretsMountedAsFiles(scope.spec)) {
    const file = secret.file ?? (filesMode ? `secrets/${secret.name}` : undefined);
    out[secret.name] = file !== undefined ? { file: fromProjectRoot(scope.projectRoot, file) } : { environment: secret.envName };
  }
  return out;
}
