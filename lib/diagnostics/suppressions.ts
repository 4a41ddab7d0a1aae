import type { SystemSpec } from '../model/spec';
import type { Diagnostic } from './diagnostic';

/** A diagnostic that a workload's `suppress` turned off, with the reason given there. */
export interface Suppressed {
  readonly diagnostic: Diagnostic;
  readonly reason: string;
}

/** One `suppress` entry of a workload: the rule, the reason, and the workload's path. */
export interface Suppression {
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
}

/** Every suppression of a system, by workload path then rule. */
export function suppressionsOf(spec: SystemSpec): Suppression[] {
  return [...spec.services, ...spec.jobs]
    .flatMap((w) => w.suppressions.map((s) => ({ path: w.path, rule: s.rule, reason: s.reason })))
    .sort((a, b) => (a.path === b.path ? (a.rule < b.rule ? -1 : 1) : a.path < b.path ? -1 : 1));
}

/** Whether a diagnostic's path lies in a workload (its own props or its sidecars'). */
export function within(path: string, workloadPath: string): boolean {
  return path === workloadPath || path.startsWith(`${workloadPath}/`) || path.startsWith(`${workloadPath} `);
}

/**
 * Splits diagnostics into those kept and those a workload turned off. Lint rules can be turned off whatever
 * their severity; a target's errors never are.
 */
export function applySuppressions(spec: SystemSpec, list: readonly Diagnostic[]): { kept: Diagnostic[]; suppressed: Suppressed[] } {
  const rules = suppressionsOf(spec);
  const kept: Diagnostic[] = [];
  const suppressed: Suppressed[] = [];
  for (const d of list) {
    const lint = d.code.startsWith('lint/');
    const by = lint || d.severity !== 'error' ? rules.find((r) => r.rule === d.code && within(d.path, r.path)) : undefined;
    if (by) suppressed.push({ diagnostic: d, reason: by.reason });
    else kept.push(d);
  }
  return { kept, suppressed };
}
