import type { WorkloadSpec } from '../../model/spec';
import type { FindingText } from './finding-text';
import { propPath } from './prop-path';

/**
 * A service that autoscales, on an engine that does not scale (`docker compose up`, `docker stack deploy`, a
 * `docker run` script): it runs `min` copies. The path and words each Docker-engine target reports with its code;
 * `scaleBy` is that engine's command to scale by hand.
 */
export function autoscaleFinding(workload: WorkloadSpec, engine: string, scaleBy: string): { readonly path: string; readonly text: FindingText } | undefined {
  if (workload.kind !== 'service' || !workload.autoscale) return undefined;
  const a = workload.autoscale;
  return {
    path: propPath(workload.path, 'autoscale'),
    text: [
      `${engine} does not scale a service: ${workload.name} runs autoscale.min = ${a.min} ${a.min === 1 ? 'copy' : 'copies'}, never up to ${a.max}.`,
      `Scale by hand when needed (${scaleBy}), or deploy to Kubernetes or ECS, which scale on the signal.`,
    ],
  };
}
