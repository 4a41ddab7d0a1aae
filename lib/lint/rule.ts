import type { Reporter } from '../diagnostics/reporter';
import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { LintRule } from '../model/lint-rules';
import type { SystemSpec } from '../model/spec';

/** What a rule may know besides the spec: the targets being rendered. */
export interface LintContext {
  readonly targets: readonly TargetName[];
}

/** One lint rule: a pure function of the spec, whose findings the reporter makes. */
export interface Rule {
  readonly code: LintRule;
  /** The rule's findings, each made by `reporter` (so its severity is the catalogue's). */
  check(spec: SystemSpec, context: LintContext, reporter: Reporter<LintRule>): Diagnostic[];
}
