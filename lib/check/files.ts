import type { SystemSpec } from '../model/spec';

/**
 * A diagnostic about a config file or a secret file: one located at a config file (`shop/nginx-conf file`), or at
 * a container's `mounts[i]` that is a file mount (`shop/web mounts[2]`, and `shop/web mounts` for all of them).
 * Undefined for any other.
 */
export function attributeFiles(spec: SystemSpec, object: string, prop: string): { workloads: string[]; concept: 'files' } | undefined {
  const configFile = spec.configFiles.find((c) => c.path === object);
  if (configFile) return { workloads: [...configFile.users], concept: 'files' };
  const index = /^mounts(?:\[(\d+)\])?/.exec(prop);
  if (!index) return undefined;
  for (const w of [...spec.services, ...spec.jobs]) {
    for (const c of [w.main, ...w.sidecars]) {
      if (c.path !== object) continue;
      const isFile = index[1] === undefined ? c.mounts.length === 0 && c.files.length > 0 : c.files.some((f) => f.index === Number(index[1]));
      if (isFile) return { workloads: [w.name], concept: 'files' };
    }
  }
  return undefined;
}
