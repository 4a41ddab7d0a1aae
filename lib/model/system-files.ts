import type { IConstruct } from 'constructs';
import { ConfigFile } from './config-file';
import type { ConfigFileSpec } from './config-file-spec';
import { ModelError } from './errors';
import type { WorkloadSpec } from './spec';
import type { Workload } from './workload';

/** Config files and secrets mounted as files must belong to the System that mounts them. */
export function checkFileSources(system: IConstruct, workloads: readonly Workload[], errors: ModelError[]): void {
  for (const w of workloads) {
    const containers = [{ p: w.node.path, mounts: w._props.mounts ?? [] }, ...w._sidecars.map((s) => ({ p: s.node.path, mounts: s._sidecarProps.mounts ?? [] }))];
    for (const { p, mounts } of containers) {
      mounts.forEach((m, i) => {
        const source = m?._fileSource as IConstruct | undefined;
        if (source === undefined || typeof source !== 'object' || !('node' in source) || source.node.root === system) return;
        const what = ConfigFile.isConfigFile(source) ? 'config file' : 'secret';
        errors.push(new ModelError(p, `mounts[${i}].${ConfigFile.isConfigFile(source) ? 'configFile' : 'secret'}`, `${what} belongs to another System`, source.node.path, `Create the ${what} in ${system.node.path}`));
      });
    }
  }
}

/** The config files of a System with the workloads that mount them, sorted by name. */
export function configFileSpecs(all: readonly IConstruct[], specs: readonly WorkloadSpec[]): ConfigFileSpec[] {
  const users = new Map<string, Set<string>>();
  for (const w of specs) {
    for (const c of [w.main, ...w.sidecars]) {
      for (const f of c.files) if (f.kind === 'config') users.set(f.source, (users.get(f.source) ?? new Set()).add(w.name));
    }
  }
  return all
    .filter(ConfigFile.isConfigFile)
    .map((c) => c._toSpec([...(users.get(c.name) ?? [])]))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
