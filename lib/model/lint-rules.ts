/**
 * The lint rules a workload can turn off with `suppress`. The rules themselves live in lib/lint; this list is
 * plain data so that the model can check a `suppress` key without loading them.
 */
export const LINT_RULES = [
  'lint/no-resource-limits',
  'lint/unpinned-image',
  'lint/secret-in-env',
  'lint/privileged',
  'lint/host-network',
  'lint/no-log-limit',
  'lint/database-port-published',
  'lint/fixed-port-replicas',
  'lint/unknown-suppression',
  'lint/sensitive-host-path',
  'lint/dangerous-capability',
  'lint/runs-as-root',
  'lint/writable-root-filesystem',
  'lint/capabilities-not-dropped',
  'lint/unused-declaration',
] as const;

/** The code of one lint rule: `lint/no-resource-limits`. */
export type LintRule = (typeof LINT_RULES)[number];

/** The targets whose own warning and info codes a workload may turn off too: `kubernetes/logging`. */
export type SuppressibleTargetCode = `${'compose' | 'kubernetes' | 'ecs' | 'docker' | 'swarm'}/${string}`;

/** What `suppress` accepts as a key: a lint rule, or a target's warning or info code. */
export type SuppressibleCode = LintRule | SuppressibleTargetCode;

function isLintRule(code: string): code is LintRule {
  return (LINT_RULES as readonly string[]).includes(code);
}

const TARGET_CODE = /^(compose|kubernetes|ecs|docker|swarm)\/[a-z0-9-]+$/;

export function isSuppressibleCode(code: string): code is SuppressibleCode {
  return isLintRule(code) || TARGET_CODE.test(code);
}
