import type { ContainerSpec } from './spec';

/**
 * The program a container runs, for a runtime where an empty entrypoint means the image's (a Kubernetes `command`,
 * an ECS `entryPoint`): Docker reads `entrypoint: []` as "clear the image's ENTRYPOINT", so the command alone is the
 * program there. `lost` is set where the command is not given either: Docker then runs the image's CMD alone,
 * which such a runtime cannot say without knowing the image.
 */
export function programOf(c: ContainerSpec): { readonly entrypoint?: readonly string[]; readonly command?: readonly string[]; readonly lost: boolean } {
  if (c.entrypoint === undefined || c.entrypoint.length > 0) return { entrypoint: c.entrypoint, command: c.command, lost: false };
  return c.command !== undefined && c.command.length > 0 ? { entrypoint: c.command, lost: false } : { lost: true };
}
