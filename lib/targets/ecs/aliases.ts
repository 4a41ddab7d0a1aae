import { extraNames } from '../../model/aliases';
import type { ServiceSpec, SystemSpec, WorkloadSpec } from '../../model/spec';
import type { EcsReporter } from './codes';
import type { BuiltService } from './services';

/**
 * The extra names of a service (its fixed container name, which a task cannot give its container, and its
 * aliases): Service Connect answers to each as one more client alias of every tcp port, so other services reach
 * the service by them as by its own name. Jobs resolve services through the zone's DNS records instead, which
 * carry the service's own name only.
 */
export function addAliases(service: BuiltService, s: ServiceSpec, spec: SystemSpec, connected: boolean, d: EcsReporter): void {
  const names = extraNames(s);
  if (names.length === 0) return;
  const tcp = s.main.ports.filter((p) => p.protocol === 'tcp');
  if (tcp.length === 0 || !connected) {
    reportUnreached(s, names, tcp.length === 0 ? 'it declares no tcp port for Service Connect to serve' : 'it runs in host network mode, which Service Connect does not serve', d);
    return;
  }
  tcp.forEach((p, i) => {
    service.resource.addPropertyOverride(
      `ServiceConnectConfiguration.Services.${i}.ClientAliases`,
      [s.name, ...names].map((name) => ({ DnsName: name, Port: p.containerPort })),
    );
  });
  if (s.containerName !== undefined && names.includes(s.containerName)) {
    d.report(
      'ecs/container-alias',
      `${s.path} containerName`,
      `ECS names the containers of a task itself: ${s.containerName} is a second Service Connect name of ${s.name}, so other services still reach it by that name`,
    );
  }
  const jobs = spec.jobs.filter((j) => j.networks.some((n) => s.networks.includes(n))).map((j) => j.name);
  if (jobs.length > 0) {
    d.report(
      'ecs/alias-in-job',
      `${s.path} ${propOf(s)}`,
      `${jobs.join(', ')} resolve${jobs.length > 1 ? '' : 's'} services through the zone's DNS records (a job is a standalone task, outside Service Connect), which name ${s.name} only: ${names.join(', ')} do${names.length > 1 ? '' : 'es'} not resolve there`,
      `Reach it as ${s.name} from ${jobs.join(', ')}.`,
    );
  }
}

/** A job, which runs as a standalone task with no ports: nothing reaches it by any name. */
export function reportJobAliases(j: WorkloadSpec, d: EcsReporter): void {
  const names = extraNames(j);
  if (names.length > 0) reportUnreached(j, names, 'a job runs as a standalone task with no ports and no Service Connect', d);
}

function reportUnreached(w: WorkloadSpec, names: readonly string[], why: string, d: EcsReporter): void {
  d.report(
    'ecs/alias-without-ports',
    `${w.path} ${propOf(w)}`,
    `${w.name} gets no Service Connect names: ${why}, so a task that looks up ${names.join(', ')} (or ${w.name}) gets no address`,
    w.kind === 'job' ? `A job takes no ports: run ${w.name} as a Service with the ports it listens on, or drop the names.` : `Declare the tcp ports ${w.name} listens on (e.g. ports: [Port.tcp(8080)]).`,
  );
}

function propOf(w: WorkloadSpec): string {
  return w.aliases ? 'aliases' : 'containerName';
}
