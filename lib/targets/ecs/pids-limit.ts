import type { ContainerSpec } from '../../model/spec';
import type { EcsReporter } from './codes';

/** A container's process limit, which an ECS container definition cannot set, on Fargate or EC2. */
export function reportPidsLimit(c: ContainerSpec, d: EcsReporter): void {
  const limit = c.resources.pidsLimit;
  if (limit === undefined) return;
  d.report(
    'ecs/pids-limit',
    `${c.path} resources.pids`,
    `a container definition has no process limit: ${c.name} runs without its limit of ${limit} processes`,
    'Bound it by memory (resources.memory), which ECS sets, or run it where --pids-limit applies (Compose, Swarm, docker).',
  );
}
