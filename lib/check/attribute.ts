import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SystemSpec } from '../model/spec';
import { conceptOfProp } from './concepts';
import { attributeFiles } from './files';

/** Where a diagnostic belongs in the report: the workloads it concerns (none: the system) and the concept. */
export interface Attribution {
  readonly workloads: readonly string[];
  readonly concept: string;
}

/**
 * Reads a diagnostic's path (`shop/web ports[1]`, `shop/web/shipper logging`, `shop/pgdata size`,
 * `shop networks`) and finds the workloads and the concept it is about. A volume, network or secret is
 * charged to the workloads that use it.
 */
export function attribute(spec: SystemSpec, d: Diagnostic): Attribution {
  const space = d.path.indexOf(' ');
  const object = space < 0 ? d.path : d.path.slice(0, space);
  const prop = space < 0 ? '' : d.path.slice(space + 1);
  const workloads = [...spec.services, ...spec.jobs];
  const file = attributeFiles(spec, object, prop);
  if (file) return file;
  const own = workloads.find((w) => w.path === object);
  if (own) return { workloads: [own.name], concept: conceptOfProp(prop) };
  const parent = workloads.find((w) => object.startsWith(`${w.path}/`));
  if (parent) return { workloads: [parent.name], concept: prop === '' ? 'sidecars' : conceptOfProp(prop) };
  const volume = spec.volumes.find((v) => v.path === object);
  if (volume) return { workloads: volume.users, concept: 'mounts' };
  const network = spec.networks.find((n) => n.path === object);
  if (network) return { workloads: network.members, concept: 'networks' };
  const secret = spec.secrets.find((s) => s.path === object);
  if (secret) {
    const containers = (w: (typeof workloads)[number]) => [w.main, ...w.sidecars];
    const asEnv = workloads.filter((w) => containers(w).some((c) => c.secretEnv.some((e) => e.secret === secret.name)));
    const asLogin = workloads.filter((w) => containers(w).some((c) => c.image.credentials === secret.name));
    // registry credentials are about the image; a secret used both ways is charged to secret env
    if (asEnv.length === 0 && asLogin.length > 0) return { workloads: asLogin.map((w) => w.name), concept: 'image' };
    return { workloads: [...new Set([...asEnv, ...asLogin].map((w) => w.name))].sort(), concept: 'secretEnv' };
  }
  return { workloads: [], concept: conceptOfProp(prop) === 'workload' ? 'other' : conceptOfProp(prop) };
}
