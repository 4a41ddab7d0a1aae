import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { LintRule } from '../model/lint-rules';
import type { SystemSpec } from '../model/spec';
import { LINT_CODES } from './codes';

/** What a rule may know besides the spec: the targets being rendered. */
export interface LintContext {
  readonly targets: readonly TargetName[];
}

/** One lint rule: a pure function of the spec. */
export interface Rule {
  readonly code: LintRule;
  check(spec: SystemSpec, context: LintContext): Diagnostic[];
}

/** A diagnostic of a rule, with the severity of the catalogue. */
export function finding(code: LintRule, path: string, message: string, fix: string, target?: TargetName): Diagnostic {
  return { code, severity: LINT_CODES[code].severity, path, message, fix, ...(target ? { target } : {}) };
}
