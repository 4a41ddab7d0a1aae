import type { JobSpec, ServiceSpec, WorkloadSpec } from '../../model/spec';
import { autoscaleFinding } from '../docker-engine/autoscale';
import { oneHostPlacementFinding } from '../docker-engine/placement';
import { propPath } from '../docker-engine/prop-path';
import { routeFindings } from '../docker-engine/routes';
import { restartFlag } from '../docker-engine/restart';
import { containerParts, type ContainerParts } from './container';
import { containerName, replicaNumbers } from './names';
import { networkPlan, type NetworkPlan } from './networks';
import { portFlags } from './ports';
import { runtimeFlags } from './runtime';
import type { DockerScope } from './scope';
import { reportServiceLabels } from './service-labels';
import { jobWithSidecars } from './job-sidecars';
import { sidecarCommand } from './sidecar';
import { commandText, quote, type Command, type Word } from './shell';

/**
 * The commands that start one container of a workload: `docker run` when it joins at most one network;
 * `docker create`, `docker network connect` for the others, then `docker start`, so that it never runs
 * without all of its networks.
 */
function mainCommands(parts: ContainerParts, network: NetworkPlan, name: string, mode: '-d' | '--rm', restart: Word[][], ports: Word[][]): Command[] {
  const connects = network.connects(name);
  const lines = (verb: Word[]): (readonly Word[])[] => [[...verb, '--name', name], ...restart, ...network.flags, ...ports, ...parts.flags, parts.tail];
  if (connects.length === 0) return [{ assignments: parts.assignments, lines: lines(['docker', 'run', mode]) }];
  const create: Command = {
    assignments: parts.assignments,
    lines: lines(['docker', 'create', ...(mode === '--rm' ? ['--rm'] : [])]),
    redirect: '>/dev/null',
  };
  const start: Command =
    mode === '-d' ? { lines: [['docker', 'start', name]], redirect: '>/dev/null' } : { lines: [['docker', 'start', '-a', name]] };
  return [create, ...connects, start];
}

/** One or more containers of a long-running service, each followed by its sidecars. */
function serviceLines(scope: DockerScope, service: ServiceSpec): string[] {
  const parts = containerParts(scope, service.main);
  const network = networkPlan(scope, service);
  const restart = [['--restart', restartFlag(service.restart)], ...runtimeFlags(service)];
  const ports = portFlags(scope, service);
  const scaling = autoscaleFinding(service, 'docker', `one more docker run per copy, named ${containerName(scope.spec, service, 2)} and on`);
  if (scaling) scope.reporter.report('docker/autoscale', scaling.path, ...scaling.text);
  for (const f of routeFindings(service, 'docker')) scope.reporter.report('docker/route', f.path, ...f.text);
  const sidecars = service.sidecars.map((sidecar) => ({ sidecar, parts: containerParts(scope, sidecar, service.main) }));
  const lines: string[] = [];
  for (const replica of replicaNumbers(service)) {
    const name = containerName(scope.spec, service, replica);
    for (const c of mainCommands(parts, network, name, '-d', restart, ports)) lines.push(commandText(c, '  '));
    for (const s of sidecars) lines.push(commandText(sidecarCommand(scope, service, s.sidecar, s.parts, name, replica), '  '));
  }
  return lines;
}

/**
 * A job, in the foreground with `--rm`: the script goes on when it succeeds and stops when it fails. Docker
 * refuses `--rm` with `--restart`, so `on-failure[:n]` becomes a loop that runs it again, at most n more times.
 * A job with sidecars starts detached, so that they can join its namespace, and the script waits for it.
 */
function jobLines(scope: DockerScope, job: JobSpec): string[] {
  if (job.schedule !== undefined) {
    scope.reporter.report(
      'docker/job-schedule',
      propPath(job.path, 'schedule'),
      `docker cannot schedule a job: ${job.name} runs once when the script runs, not on "${job.schedule}".`,
      `Run its \`docker run\` from the host's cron on that schedule.`,
    );
  }
  const name = containerName(scope.spec, job);
  const parts = containerParts(scope, job.main);
  const commands =
    job.sidecars.length === 0
      ? mainCommands(parts, networkPlan(scope, job), name, '--rm', runtimeFlags(job), portFlags(scope, job))
      : jobWithSidecars(scope, job, name, mainCommands(parts, networkPlan(scope, job), name, '-d', runtimeFlags(job), portFlags(scope, job)));
  // with sidecars, one command a line: each that fails stops the script (or, in the loop below, ends the try)
  const text = commands.map((c) => commandText(c, '  ')).join(job.sidecars.length === 0 ? ' &&\n' : '\n');
  if (job.restart.policy !== 'on-failure') return [text];
  const max = job.restart.maxRetries;
  const limit =
    max === undefined
      ? []
      : [`    if [ "$tries" -ge ${max} ]; then echo ${quote(`${name} failed ${max + 1} times`)} >&2; exit 1; fi`];
  return [
    '  tries=0',
    `${text.replace(/^ {2}/, '  until ')}; do`,
    ...limit,
    '    tries=$((tries + 1))',
    '    sleep 1',
    '  done',
  ];
}

/** The script lines that start one workload. */
export function workloadLines(scope: DockerScope, workload: WorkloadSpec): string[] {
  const placement = oneHostPlacementFinding(workload, 'A docker script', '');
  if (placement) scope.reporter.report('docker/placement', placement.path, ...placement.text);
  reportServiceLabels(scope, workload);
  return workload.kind === 'service' ? serviceLines(scope, workload) : jobLines(scope, workload);
}
