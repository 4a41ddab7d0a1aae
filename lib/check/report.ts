import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { WorkloadSecurityReport } from './security-view';

/**
 * The portability report of `lading check`: what `--format json` prints. The shape is stable: fields are only
 * ever added (`version` changes when one is removed or changes meaning). docs/check.md describes it.
 */
export interface CheckReport {
  readonly version: 1;
  /** False when an error was found (with `strict`, also a warning). */
  readonly ok: boolean;
  readonly strict: boolean;
  readonly targets: readonly TargetName[];
  readonly apps: readonly AppReport[];
  readonly counts: Counts;
}

/** How one concept maps on one target. */
export type MappingStatus = 'exact' | 'approx' | 'error';

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Findings a workload's `suppress` turned off. */
  readonly suppressed: number;
}

export interface CellReport {
  readonly status: MappingStatus;
  /** The target's diagnostics about this concept; empty when it maps exactly. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ConceptReport {
  /** Stable id: `health`, `ports`, `resources` ... (see CONCEPTS in lib/check/concepts.ts). */
  readonly concept: string;
  /** What a person reads: `health check`. */
  readonly label: string;
  /** One entry per target checked. */
  readonly targets: Readonly<Partial<Record<TargetName, CellReport>>>;
}

export interface WorkloadReport {
  readonly name: string;
  /** `service` or `job`; `system` for the findings about the system as a whole (networks, options). */
  readonly kind: 'service' | 'job' | 'system';
  /** Construct path: `shop/web`, or the system's name. */
  readonly path: string;
  /** Every concept the workload uses, in the order of CONCEPTS. */
  readonly concepts: readonly ConceptReport[];
}

export interface SuppressionReport {
  /** The workload's path. */
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
  /** What it turned off; empty when the rule found nothing there. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface AppReport {
  readonly name: string;
  /** The app module, relative to the working directory. */
  readonly file: string;
  /** Workloads by name; the system entry (kind `system`) last, and only when it has findings. */
  readonly workloads: readonly WorkloadReport[];
  /** Lint findings (target-less unless a rule concerns one target), sorted. */
  readonly lint: readonly Diagnostic[];
  readonly suppressed: readonly SuppressionReport[];
  readonly counts: Counts;
  /** With `--security`: per workload, which restricted-profile requirements it meets on each target. */
  readonly security?: readonly WorkloadSecurityReport[];
}
