import * as path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { composeTarget } from '../../lib/targets/compose';
import type { TargetResult } from '../../lib/targets/target';
import { expectValidCompose } from '../support/compose-validators';

/** The repository root: relative build contexts and bind mounts start here. */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** Where synth puts the Compose target's output, relative to the project root. */
export const CONTEXT = { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' } as const;

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
  const spec: SystemSpec = 'toSpec' in system ? system.toSpec() : system;
  const result = composeTarget.render(spec, CONTEXT) as TargetResult;
  const file = result.files.find((f) => f.path === `${spec.name}/compose.yaml`);
  const yaml = file?.content ?? '';
  if (file) expectValidCompose(yaml, path.join(PROJECT_ROOT, 'dist', 'compose', spec.name));
  return {
    result,
    yaml,
    doc: yaml ? parse(yaml) : undefined,
    diagnostics: result.diagnostics,
    codes: result.diagnostics.map((d) => d.code),
  };
}

/** The diagnostics with one code. */
export function withCode(render: ComposeRender, code: string): Diagnostic[] {
  return render.diagnostics.filter((d) => d.code === code);
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
