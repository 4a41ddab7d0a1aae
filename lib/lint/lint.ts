import { TARGET_NAMES, type Diagnostic, type TargetName } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/pipeline';
import type { SystemSpec } from '../model/spec';
import { Reporter } from '../diagnostics/reporter';
import { LINT_CODES } from './codes';
import type { Rule } from './rule';
import { databasePortPublished } from './rules/database-port-published';
import { fixedPortReplicas } from './rules/fixed-port-replicas';
import { hostNetwork } from './rules/host-network';
import { noLogLimit } from './rules/no-log-limit';
import { noResourceLimits } from './rules/no-resource-limits';
import { privileged } from './rules/privileged';
import { secretInEnv } from './rules/secret-in-env';
import { unknownSuppression } from './rules/unknown-suppression';
import { unpinnedImage } from './rules/unpinned-image';
import { capabilitiesNotDropped } from './rules/capabilities-not-dropped';
import { dangerousCapability } from './rules/dangerous-capability';
import { runsAsRoot } from './rules/runs-as-root';
import { sensitiveHostPathRule } from './rules/sensitive-host-path';
import { writableRootFilesystem } from './rules/writable-root-filesystem';
import { unusedDeclaration } from './rules/unused-declaration';
import { applySuppressions, type Suppressed } from '../diagnostics/suppressions';

/** Every rule, in the order of the catalogue. */
export const RULES: readonly Rule[] = [
  noResourceLimits,
  unpinnedImage,
  secretInEnv,
  privileged,
  hostNetwork,
  noLogLimit,
  databasePortPublished,
  fixedPortReplicas,
  unknownSuppression,
  sensitiveHostPathRule,
  dangerousCapability,
  runsAsRoot,
  writableRootFilesystem,
  capabilitiesNotDropped,
  unusedDeclaration,
];

export interface LintOptions {
  /** The targets being rendered; rules about one target fire only when it is among them. @default every target */
  readonly targets?: readonly TargetName[];
}

export interface LintResult {
  /** What the rules found, less what was turned off; sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** What a workload's `suppress` turned off, with the reason. */
  readonly suppressed: readonly Suppressed[];
}

/** Runs every lint rule on a system. Pure: reads only the spec. */
export function lint(spec: SystemSpec, options: LintOptions = {}): LintResult {
  const context = { targets: options.targets ?? TARGET_NAMES };
  const reporter = new Reporter(LINT_CODES);
  const found = RULES.flatMap((r) => r.check(spec, context, reporter));
  const { kept, suppressed } = applySuppressions(spec, found);
  return { diagnostics: sortDiagnostics(kept), suppressed };
}
