/** Severity of a diagnostic: an error stops the target's output; `--strict` treats warnings as errors. */
export type Severity = 'error' | 'warning' | 'info';

/** The targets lading renders to. */
export type TargetName = 'compose' | 'kubernetes' | 'ecs' | 'docker';

export const TARGET_NAMES: readonly TargetName[] = ['compose', 'kubernetes', 'ecs', 'docker'];

/** One finding about a system, from the model, a target or a lint rule. */
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

/** Formats a diagnostic as one line: `warning compose/registry-credentials shop/web image: ... Fix: ...`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.target ? `[${d.target}] ` : '';
  const message = d.fix && !/[.!?]$/.test(d.message) ? `${d.message}.` : d.message;
  const fix = d.fix ? ` ${d.fix}` : '';
  return `${d.severity} ${where}${d.code} ${d.path}: ${message}${fix}`;
}

/** Orders diagnostics by target, path, code and message, so output is deterministic. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.target ?? '', d.path, d.code, d.message].join('\u0000');
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
