import type { SystemSpec } from '../model/spec';
import type { Diagnostic, Severity, TargetName } from './diagnostic';
import { applySuppressions, type Suppressed } from './suppressions';

/**
 * The one way from raw findings to what a person reads. Every entry point (lading synth and check, the cdk.json
 * and cdk8s.yaml entries, lading import, lading/testing) goes through `review` and, to print, `formatLines`.
 */

/** What the findings of one app came to: what is reported, and what a workload's `suppress` turned off. */
export interface Review {
  /** Sorted: by target, path, code and message. */
  readonly kept: readonly Diagnostic[];
  readonly suppressed: readonly Suppressed[];
}

/** Applies the system's suppressions and sorts what is left. */
export function review(spec: SystemSpec, list: readonly Diagnostic[]): Review {
  const { kept, suppressed } = applySuppressions(spec, list);
  return { kept: sortDiagnostics(kept), suppressed };
}

/** Orders diagnostics by target, path, code and message, so output is deterministic. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  // each key made once, not in every comparison (4,284 notes of 1,000 services: about 200,000 keys)
  const keyed = list.map((d) => ({ d, key: [d.target ?? '', d.path, d.code, d.message].join('\u0000') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ d }) => d);
}

/** True when an error, or with `strict` a warning, stops the output. */
export function failsWith(list: readonly Diagnostic[], strict = false): boolean {
  return list.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** How much a command prints: `quiet` errors only, `normal` errors and warnings, `verbose` everything. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const SHOWN: Record<Verbosity, readonly Severity[]> = {
  quiet: ['error'],
  normal: ['error', 'warning'],
  verbose: ['error', 'warning', 'info'],
};

/** The diagnostics a verbosity shows. */
export function shownAt(list: readonly Diagnostic[], verbosity: Verbosity): Diagnostic[] {
  return list.filter((d) => SHOWN[verbosity].includes(d.severity));
}

/** A sentence ends once: `the limit is not enforced` and `the limit is not enforced.` read the same. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Formats one diagnostic as one line: `warning [compose] compose/volume-size shop/pgdata size: ... . Fix.` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.target ? `[${d.target}] ` : '';
  const fix = d.fix ? ` ${sentence(d.fix)}` : '';
  return `${d.severity} ${where}${d.code} ${d.path}: ${sentence(d.message)}${fix}`;
}

/** The rule a code names, without its area: `compose/volume-size` -> `volume-size`; the same fact on several targets. */
function ruleOf(code: string): string {
  return code.slice(code.indexOf('/') + 1);
}

/**
 * Formats diagnostics for a person, one line each, except that the same fact reported by several targets (the
 * same rule, severity, path, message and fix) is one line naming the targets and their codes; targets that say
 * different things keep a line each, so no target's line carries another's words:
 * `warning [compose, docker] compose/health-probe-tool, docker/health-probe-tool ...`.
 * Keeps the order of `list`.
 */
export function formatLines(list: readonly Diagnostic[]): string[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const key = d.target ? [d.severity, ruleOf(d.code), d.path, d.message, d.fix ?? ''].join('\u0000') : `\u0001${groups.size}`;
    const group = groups.get(key);
    // one line per target and finding: two findings of one target never share a line
    if (group && !group.some((g) => g.target === d.target)) group.push(d);
    else groups.set(group ? `\u0001${groups.size}` : key, [d]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return formatDiagnostic(group[0]);
    const first = group[0];
    const sorted = [...group].sort((a, b) => ((a.target as string) < (b.target as string) ? -1 : 1));
    const targets = sorted.map((d) => d.target as TargetName).join(', ');
    const codes = sorted.map((d) => d.code).join(', ');
    const fix = first.fix ? ` ${sentence(first.fix)}` : '';
    return `${first.severity} [${targets}] ${codes} ${first.path}: ${sentence(first.message)}${fix}`;
  });
}

/** Counts by severity. */
export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity] += 1;
  return counts;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The counts of a run as one phrase: `0 errors, 14 warnings, 64 notes`. */
export function countsPhrase(list: readonly Diagnostic[]): string {
  const c = countBySeverity(list);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'note')}`;
}
