import { GENERAL_CODES } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { show } from '../model/errors';
import { DEFAULT_STAGE } from '../model/stage';
import { stageNameProblem } from './resolve-stage';

/**
 * The stages an app module names beside its stage function: `export const stages = ['dev', 'prod']` (or, for
 * `module.exports = fn`, `fn.stages = [...]`). `lading synth --stage NAME` rejects a NAME that no app knows, so a
 * misspelt stage does not build whatever the function returns for a name it does not test for.
 */
export type DeclaredStages = { readonly stages: readonly string[] } | { readonly problem: string } | undefined;

/** What a module declares: its stage names, a line saying what is wrong with its `stages`, or undefined when it names none. */
export function declaredStages(exported: unknown, file: string): DeclaredStages {
  if (!exported || (typeof exported !== 'object' && typeof exported !== 'function')) return undefined;
  const value = (exported as { stages?: unknown }).stages;
  if (value === undefined) return undefined;
  const example = `export const stages = ['${DEFAULT_STAGE}', 'prod']`;
  if (!Array.isArray(value) || value.length === 0 || !value.every((s) => typeof s === 'string')) {
    return { problem: `${file}: stages must list the stage names the app builds (got ${show(value)}). Write e.g. ${example}.` };
  }
  const bad = value.find((s: string) => stageNameProblem(s) !== undefined);
  if (bad !== undefined) return { problem: `${file}: stages names ${JSON.stringify(bad)}, which is no DNS-1123 label. Write e.g. ${example}.` };
  return { stages: [...new Set(value as string[])] };
}

/** A module among the chosen ones that exports a stage function: its file and the stages it names, if any. */
export interface StagedModule {
  readonly file: string;
  readonly declared: readonly string[] | undefined;
}

/** The lines that stop the load: `stage` is a name none of the modules that declare stages knows, or one of them does not. */
export function unknownStageLines(stage: string, modules: readonly StagedModule[], explicit: boolean): string[] {
  const declaring = modules.filter((m) => m.declared !== undefined);
  const missing = declaring.filter((m) => !m.declared!.includes(stage));
  if (missing.length === 0) return [];
  const flag = explicit ? `--stage ${stage}` : `the default stage ${stage}`;
  if (missing.length === declaring.length) {
    const known = [...new Set(declaring.flatMap((m) => m.declared!))].sort();
    const files = declaring.map((m) => m.file).join(', ');
    return [`${flag}: no app knows this stage (the stages ${files} name${declaring.length === 1 ? 's' : ''}: ${known.join(', ')}). Write --stage ${known[0]}${known.length > 1 ? ` or another of them` : ''}, or add '${stage}' to an app's stages.`];
  }
  return missing.map(
    (m) => `${m.file}: ${flag} is not one of the app's stages (${m.declared!.join(', ')}). Add '${stage}' to its stages, or leave it out with --app and the other apps' names.`,
  );
}

/**
 * The warning for a System built for a stage other than the default by a stage function that names no stages:
 * nothing tells lading whether the function knows the name, so a misspelt stage would build too.
 */
export function undeclaredStageFinding(system: string, file: string, stage: string): Diagnostic | undefined {
  if (stage === DEFAULT_STAGE) return undefined;
  return {
    code: 'synth/stage-undeclared',
    severity: GENERAL_CODES['synth/stage-undeclared'].severity,
    path: system,
    message: `built for stage ${stage} by the stage function of ${file}, which names no stages, so a stage name it does not know builds as well`,
    fix: `export the stages the app builds beside the function, e.g. export const stages = ['${DEFAULT_STAGE}', '${stage}'], so that lading rejects any other --stage`,
  };
}
