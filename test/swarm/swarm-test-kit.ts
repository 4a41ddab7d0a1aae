import * as path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { swarmTarget } from '../../lib/targets/swarm';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidStack } from '../support/swarm-validators';

/** The repository root: relative build contexts and bind mounts start here. */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** Where synth puts the Swarm target's output, relative to the project root. */
export const CONTEXT = { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' } as const;

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
  const spec: SystemSpec = 'toSpec' in system ? system.toSpec() : system;
  const result = swarmTarget.render(spec, CONTEXT) as TargetResult;
  const file = result.files.find((f) => f.path === `${spec.name}/stack.yaml`);
  const yaml = file?.content ?? '';
  if (file) expectValidStack(yaml);
  return { result, yaml, doc: yaml ? parse(yaml) : undefined, diagnostics: result.diagnostics, codes: result.diagnostics.map((d) => d.code) };
}

/** The diagnostics with one code. */
export function withCode(render: SwarmRender, code: string): Diagnostic[] {
  return render.diagnostics.filter((d) => d.code === code);
}
