import type { WorkloadSpec } from '../../model/spec';
import { hostNetworkText } from '../docker-engine/networks';
import { propPath } from '../docker-engine/prop-path';
import { appLabel, networkName } from './names';
import type { DockerScope } from './scope';
import { quote, type Command, type Word } from './shell';

/**
 * One line per network of the app: created unless it exists, `--internal` kept. The system's implicit
 * network is `<app>-default`, a user-defined bridge, so containers reach each other by name.
 */
export function networkLines(scope: DockerScope): string[] {
  return scope.spec.networks.map((network) => {
    const name = quote(networkName(scope.spec, network.name));
    const internal = network.internal ? ' --internal' : '';
    return `docker network inspect ${name} >/dev/null 2>&1 || docker network create${internal} --label ${quote(appLabel(scope.spec))} ${name} >/dev/null`;
  });
}

/** How a container joins the workload's networks: the first one in `docker run`, the others afterwards. */
export interface NetworkPlan {
  /** `--network host`, or `--network <app>-<first>` with `--network-alias` for the workload's name and each alias. */
  readonly flags: readonly Word[][];
  /** `docker network connect --alias <workload> [--alias <alias>]... <app>-<other> <container>` for every other network. */
  readonly connects: (container: string) => Command[];
}

/**
 * The networks of a workload's main container (a sidecar joins the main container's namespace instead): on each,
 * the workload's name and its aliases are network aliases (its container name resolves as the container's name).
 */
export function networkPlan(scope: DockerScope, workload: WorkloadSpec): NetworkPlan {
  if (workload.hostNetwork) {
    scope.reporter.report('docker/host-network', propPath(workload.path, 'hostNetwork'), ...hostNetworkText(workload));
    return { flags: [['--network', 'host']], connects: () => [] };
  }
  const [first, ...others] = workload.networks.map((n) => networkName(scope.spec, n));
  if (first === undefined) return { flags: [], connects: () => [] };
  const names = [workload.name, ...(workload.aliases ?? [])];
  return {
    flags: [['--network', first, ...names.flatMap((n) => ['--network-alias', n])]],
    connects: (container) =>
      others.map((network) => ({ lines: [['docker', 'network', 'connect', ...names.flatMap((n) => ['--alias', n]), network, container]] })),
  };
}
