import { entry } from './context';
import type { LocatedMap } from './located';

/**
 * The services another service waits for with `condition: service_completed_successfully`: a migration or an init
 * step, which Compose runs once when it names no restart policy. Read from the file as written, before conversion,
 * so that such a service is imported as a one-shot job rather than a service that restarts always.
 */
export function awaitedServices(services: ReadonlyArray<{ readonly map: LocatedMap }>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const { map } of services) {
    const deps = entry(map, 'depends_on')?.value;
    if (deps?.kind !== 'map') continue;
    for (const [name, dep] of deps.entries) {
      const condition = dep.value.kind === 'map' ? entry(dep.value, 'condition')?.value : undefined;
      if (condition?.kind === 'scalar' && condition.value === 'service_completed_successfully') out.add(name);
    }
  }
  return out;
}
