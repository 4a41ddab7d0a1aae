/** Severity of a diagnostic: an error stops the target's output; `--strict` treats warnings as errors. */
export type Severity = 'error' | 'warning' | 'info';

/** The targets lading renders to. */
export type TargetName = 'compose' | 'kubernetes' | 'ecs' | 'docker' | 'swarm';

export const TARGET_NAMES: readonly TargetName[] = ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'];

/** One finding about a system, from the model, a target, a lint rule or the importer. */
export interface Diagnostic {
  /** Stable code, documented in docs/diagnostics.md: `compose/registry-credentials`. */
  readonly code: string;
  readonly severity: Severity;
  /** Construct path plus the prop: `shop/web ports[1]`. */
  readonly path: string;
  /** Set when the finding is specific to one target. */
  readonly target?: TargetName;
  readonly message: string;
  /** What the user can do about it. */
  readonly fix?: string;
}
