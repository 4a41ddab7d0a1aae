import * as path from 'node:path';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import type { Target, TargetResult } from '../../lib/targets/target';

/** The repository root: relative build contexts and bind mounts start here. */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** Where synth puts a target's output (`dist/<target>`), relative to the project root. */
export const CONTEXT = { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' } as const;

/** What every target's test kit starts from: the spec, the result, its one file's text and its codes. */
export interface TargetRender {
  readonly spec: SystemSpec;
  readonly result: TargetResult;
  /** The app's file ('' when an error stopped the output). */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: readonly string[];
}

/** Renders a system (or its spec) with a target synchronously and takes the app's file at `fileOf(app)`. */
export function renderWith(target: Target, system: System | SystemSpec, fileOf: (app: string) => string): TargetRender {
  const spec: SystemSpec = 'toSpec' in system ? system.toSpec() : system;
  const result = target.render(spec, CONTEXT) as TargetResult;
  const text = result.files.find((f) => f.path === fileOf(spec.name))?.content ?? '';
  return { spec, result, text, diagnostics: result.diagnostics, codes: result.diagnostics.map((d) => d.code) };
}

/** The diagnostics of a render with one code. */
export function withCode(render: { readonly diagnostics: readonly Diagnostic[] }, code: string): Diagnostic[] {
  return render.diagnostics.filter((d) => d.code === code);
}
