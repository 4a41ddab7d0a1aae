import { ModelError } from './errors';
import { compareNames, NAME_PATTERN, suggestName } from './names';
import type { WorkloadSpec } from './spec';

/**
 * Extra names other workloads on a workload's networks reach it by (Compose network `aliases`, a link's alias):
 * each a name every target can carry (a Kubernetes Service, a Service Connect alias), once per workload.
 */
export function resolveAliases(path: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ModelError(path, 'aliases', 'must be a list of names', value, "Write e.g. aliases: ['database']");
  value.forEach((alias, i) => {
    if (typeof alias !== 'string' || !NAME_PATTERN.test(alias) || alias.length > 63) {
      throw new ModelError(
        path,
        `aliases[${i}]`,
        "an alias must be a DNS label: at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit",
        alias,
        `Write e.g. ${JSON.stringify(suggestName(String(alias)))}`,
      );
    }
    if (value.indexOf(alias) !== i) throw new ModelError(path, `aliases[${i}]`, 'alias given twice', alias, 'Give each alias once');
  });
  return value.length > 0 ? [...(value as string[])] : undefined;
}

/** What `checkAliases` reads of a workload. */
type Named = Pick<WorkloadSpec, 'name' | 'path' | 'containerName' | 'aliases' | 'hostNetwork' | 'sidecars'>;

/**
 * An alias names one workload of the system: no other workload, sidecar (`<workload>-<sidecar>` in Compose),
 * container name or alias may carry it; and a workload on the host network joins no network that could resolve it.
 */
export function checkAliases(workloads: readonly Named[], errors: ModelError[]): void {
  const owners = new Map<string, string>();
  const take = (name: string, owner: string) => {
    if (!owners.has(name)) owners.set(name, owner);
  };
  for (const w of workloads) {
    take(w.name, w.path);
    for (const s of w.sidecars) take(`${w.name}-${s.name}`, s.path);
    if (w.containerName !== undefined) take(w.containerName, `${w.path} containerName`);
  }
  for (const w of [...workloads].sort((a, b) => compareNames(a.name, b.name))) {
    (w.aliases ?? []).forEach((alias, i) => {
      if (w.hostNetwork) {
        errors.push(new ModelError(w.path, `aliases[${i}]`, 'a workload on the host network joins no network, so no other workload resolves its aliases', alias, 'Remove aliases, or hostNetwork'));
        return;
      }
      const owner = owners.get(alias);
      if (owner !== undefined && owner !== w.path) {
        errors.push(new ModelError(w.path, `aliases[${i}]`, `alias already names ${owner}`, alias, 'Give each name to one workload'));
      } else if (owner === w.path) {
        errors.push(new ModelError(w.path, `aliases[${i}]`, 'an alias cannot be the name of its own workload', alias, 'Remove it: the workload is reached by its name already'));
      } else owners.set(alias, w.path);
    });
  }
}

/**
 * The names other workloads reach a workload by besides its own: its fixed container name and its aliases. Each
 * target gives every one of them the same reach as the workload's own name (a network alias, a Service, a
 * Service Connect alias).
 */
export function extraNames(w: Pick<WorkloadSpec, 'name' | 'containerName' | 'aliases'>): readonly string[] {
  return [...(w.containerName !== undefined && w.containerName !== w.name ? [w.containerName] : []), ...(w.aliases ?? [])];
}
