import { parse } from 'yaml';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { swarmTarget } from '../../lib/targets/swarm';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidStack } from '../support/swarm-validators';
import { CONTEXT, PROJECT_ROOT, renderWith, withCode } from '../support/target-kit';

export { CONTEXT, PROJECT_ROOT, withCode };

export interface SwarmRender {
  readonly result: TargetResult;
  /** The stack file as text ('' when an error stopped the output). */
  readonly yaml: string;
  /** The stack file parsed. */
  readonly doc: any;
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: readonly string[];
}

/**
 * Renders a system (or its spec) with the Swarm target. Every file it yields is checked by the Docker CLI's
 * stack loader (`docker stack config`) before a test sees it.
 */
export function renderSwarm(system: System | SystemSpec): SwarmRender {
  const { result, text: yaml, diagnostics, codes } = renderWith(swarmTarget, system, (app) => `${app}/stack.yaml`);
  if (yaml) expectValidStack(yaml);
  return { result, yaml, doc: yaml ? parse(yaml) : undefined, diagnostics, codes };
}
