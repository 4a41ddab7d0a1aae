import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';

/**
 * When only some of the chosen targets report errors (Swarm refusing a privileged container, say), the sentence
 * that says which, and the `--target` that renders the others; '' when every error is another kind's or every
 * target has one.
 */
export function failedTargetsHint(diagnostics: readonly Diagnostic[], targets: readonly string[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0 || errors.some((d) => d.target === undefined)) return '';
  const failed = new Set<TargetName>(errors.map((d) => d.target as TargetName));
  const others = targets.filter((t) => !failed.has(t as TargetName));
  if (others.length === 0) return '';
  return ` Only ${[...failed].sort().join(' and ')} reported errors: \`--target ${others.join(' ')}\` renders the others.`;
}
