import type { ContainerSpec } from '../../model/spec';
import { allContainers, placedConfigs, placedSecrets, secretsMountedAsFiles } from '../docker-engine/files';
import { fromProjectRoot } from '../docker-engine/paths';
import { propPath } from '../docker-engine/prop-path';
import type { StackMap, StackValue } from './document';
import type { SwarmScope } from './scope';
import { secretEnvSwarmSecrets, topLevelSecret } from './secrets';

/** A container's config files and secret files as the service's `configs` and `secrets`, at the model's paths. */
export function fileKeys(scope: SwarmScope, container: ContainerSpec): { configs?: StackValue[]; secrets: StackValue[] } {
  const configs = placedConfigs(scope.spec, container)
    .filter((c) => c.projectFile !== undefined)
    .map((c) => ({ source: c.key, target: c.target, mode: c.mount.mode }));
  const secrets = placedSecrets(scope.spec, container).map((s) => ({ source: s.secret.name, target: s.mount.target, mode: s.mount.mode }));
  return { ...(configs.length > 0 ? { configs } : {}), secrets };
}

/**
 * The top-level `configs`: each project file under a name that holds its content hash, `<app>_<config>-<sha>`,
 * because a Swarm config cannot change: a new content is a new config. Inline text is an error: a stack file
 * has no `content`.
 */
export function topLevelConfigs(scope: SwarmScope): StackMap | undefined {
  const out: StackMap = {};
  const reported = new Set<string>();
  for (const container of allContainers(scope.spec)) {
    for (const c of placedConfigs(scope.spec, container)) {
      if (c.projectFile === undefined) {
        if (!reported.has(c.configFile.name)) {
          reported.add(c.configFile.name);
          scope.reporter.report(
            'swarm/config-content',
            propPath(c.configFile.path, 'content'),
            `a stack file cannot carry the text of config ${c.configFile.name}: \`docker stack deploy\` reads configs from files.`,
            `Put the text in a project file and create the ConfigFile with { file: 'path/in/the/project' }.`,
          );
        }
        continue;
      }
      out[c.key] = { file: fromProjectRoot(scope.projectRoot, c.projectFile), name: `${scope.spec.name}_${c.key}-${c.entry.sha256.slice(0, 12)}`.slice(0, 64) };
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
