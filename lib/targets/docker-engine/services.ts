import type { Reporter } from '../../diagnostics/reporter';
import type { SidecarSpec, SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EngineMap } from './document';
import { propPath } from './prop-path';

/** What a compose or stack file's target converts with: the system, and where it reports. */
interface EngineScope<C extends string> {
  readonly spec: SystemSpec;
  readonly reporter: Reporter<C>;
}

/** How a target writes its services, names itself in its findings (`Compose`), and reports a name collision. */
export interface ServiceWriter<C extends string, S extends EngineScope<C>> {
  readonly engine: string;
  readonly main: (scope: S, workload: WorkloadSpec) => EngineMap;
  readonly sidecar: (scope: S, workload: WorkloadSpec, sidecar: SidecarSpec) => EngineMap;
  /** The code of a sidecar whose service name is taken. */
  readonly collision: C;
}

/** The service name of a sidecar: `<main>-<sidecar>`. */
export function sidecarServiceName(workload: WorkloadSpec, sidecar: SidecarSpec): string {
  return `${workload.name}-${sidecar.name}`;
}

/**
 * Every service of a system, by name: for each workload its main service, then one per sidecar. A sidecar whose
 * service name is already taken (by a workload or an earlier sidecar) is reported and left out.
 */
export function systemServices<C extends string, S extends EngineScope<C>>(scope: S, writer: ServiceWriter<C, S>): Record<string, EngineMap> {
  const spec = scope.spec;
  const workloads = [...spec.services, ...spec.jobs];
  const taken = new Set(workloads.map((w) => w.name));
  const services: Record<string, EngineMap> = {};
  for (const workload of workloads) {
    services[workload.name] = writer.main(scope, workload);
    for (const sidecar of workload.sidecars) {
      const name = sidecarServiceName(workload, sidecar);
      if (taken.has(name)) {
        scope.reporter.report(
          writer.collision,
          propPath(sidecar.path, 'name'),
          `sidecar ${sidecar.name} of ${workload.name} would be the ${writer.engine} service ${name}, which is already the name of another service.`,
          'Rename the sidecar or the other service.',
        );
        continue;
      }
      services[name] = writer.sidecar(scope, workload, sidecar);
      taken.add(name);
    }
  }
  return services;
}
