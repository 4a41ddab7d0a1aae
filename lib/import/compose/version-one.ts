import { entry, fail, type ImportContext } from './context';
import type { LocatedMap } from './located';

/** Keys only a service has: a top-level key whose value holds one is a service of the version-1 format. */
const SERVICE_KEYS = ['image', 'build', 'command', 'ports', 'links', 'environment'];

/**
 * Stops the import of a file in the version-1 format, whose services stand at the top level with no `services:`
 * key, a format Compose no longer reads, with the names of those services and the change that makes it current.
 */
export function refuseVersionOne(ctx: ImportContext, top: LocatedMap): void {
  if (entry(top, 'services')) return;
  const services = [...top.entries].filter(([key, e]) => !key.startsWith('x-') && e.value.kind === 'map' && SERVICE_KEYS.some((k) => entry(e.value as LocatedMap, k)));
  if (services.length === 0) return;
  const names = services.map(([key]) => key);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  fail(
    ctx,
    names[0],
    services[0][1].line,
    `this is the version-1 format, with the services (${shown}) at the top level, which Compose no longer reads: indent them under a top-level services: key`,
  );
}
