import * as path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { composeTarget } from '../../lib/targets/compose';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidCompose } from '../support/compose-validators';
import { CONTEXT, PROJECT_ROOT, renderWith, withCode } from '../support/target-kit';

export { CONTEXT, PROJECT_ROOT, withCode };

export interface ComposeRender {
  readonly result: TargetResult;
  /** The compose file as text ('' when an error stopped the output). */
  readonly yaml: string;
  /** The compose file parsed. */
  readonly doc: any;
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: readonly string[];
}

/**
 * Renders a system (or its spec) with the Compose target. Every file it yields is checked by the compose-spec
 * schema and docker-compose before a test sees it, from the directory synth would write it to.
 */
export function renderCompose(system: System | SystemSpec): ComposeRender {
  const { spec, result, text: yaml, diagnostics, codes } = renderWith(composeTarget, system, (app) => `${app}/compose.yaml`);
  if (yaml) expectValidCompose(yaml, path.join(PROJECT_ROOT, 'dist', 'compose', spec.name));
  return { result, yaml, doc: yaml ? parse(yaml) : undefined, diagnostics, codes };
}

/**
 * The text of one service's block (its header line and every more-indented line after it), to compare exact
 * YAML fragments.
 */
export function serviceBlock(render: ComposeRender, name: string): string {
  const lines = render.yaml.split('\n');
  const start = lines.indexOf(`  ${name}:`, lines.indexOf('services:'));
  if (start < 0) throw new Error(`no service ${name} in\n${render.yaml}`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('    ')) end++;
  return `${lines.slice(start, end).join('\n')}\n`;
}
