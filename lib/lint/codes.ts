import type { Severity } from '../diagnostics/diagnostic';
import type { LintRule } from '../model/lint-rules';

/**
 * Every lint rule, from Docker's own best practices, with its severity and a one-line summary. Plain data:
 * documentation and tests read it. A workload turns a rule off with `suppress: { '<code>': '<reason>' }`.
 */
export const LINT_CODES: Record<LintRule, { severity: Severity; summary: string }> = {
  'lint/no-resource-limits': {
    severity: 'warning',
    summary: 'A container has no memory limit or no CPU limit: most orchestration requires resource limiting. Set `resources: { memory, cpus }`.',
  },
  'lint/unpinned-image': {
    severity: 'warning',
    summary: 'An image without a tag, or tagged `latest`, changes under you: pin a version tag or a digest.',
  },
  'lint/secret-in-env': {
    severity: 'warning',
    summary: 'A literal value under a secret-looking name (PASSWORD, SECRET, TOKEN, KEY ...) or a URL with a password ends up in the output: use `secretEnv` with a Secret.',
  },
  'lint/privileged': {
    severity: 'warning',
    summary: 'A privileged container has full access to the host: no good idea in production. Grant only the capabilities it needs.',
  },
  'lint/host-network': {
    severity: 'warning',
    summary: "Host networking bypasses the system's networks and exposes every port the container opens.",
  },
  'lint/no-log-limit': {
    severity: 'warning',
    summary: 'A container without log size limits can fill the disk: set `logging: { maxSize, maxFiles }`.',
  },
  'lint/database-port-published': {
    severity: 'warning',
    summary: 'A database-like port (5432, 3306, 27017, 6379, 9200 ...) is published outside the system: keep it reachable by name only.',
  },
  'lint/fixed-port-replicas': {
    severity: 'error',
    summary: 'On Compose, several replicas cannot publish one fixed host port: publish a dynamic port, or run one replica.',
  },
  'lint/unknown-suppression': {
    severity: 'warning',
    summary: "A workload's `suppress` names a target code that no target emits (a typo?): it turns nothing off.",
  },
  'lint/sensitive-host-path': {
    severity: 'warning',
    summary: "A bind mount of the Docker socket (or another runtime's) or of a host system folder (/, /etc, /proc, /sys, /dev ...): the container can take over the host.",
  },
  'lint/dangerous-capability': {
    severity: 'warning',
    summary: 'An added capability that acts beyond the container (ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF ...): grant only what the program needs.',
  },
  'lint/runs-as-root': {
    severity: 'info',
    summary: 'A container without a user, or with user 0 or root, runs its process as root: set a numeric non-root `security.user`.',
  },
  'lint/writable-root-filesystem': {
    severity: 'info',
    summary: 'A container whose root file system is writable: set `security.readOnlyRootFilesystem` and mount writable paths with `Mount.ephemeral`.',
  },
  'lint/capabilities-not-dropped': {
    severity: 'info',
    summary: "A container that keeps Docker's default capabilities: drop `ALL` and add back only what it needs.",
  },
  'lint/unused-declaration': {
    severity: 'warning',
    summary: 'A network, volume, secret or config file that no workload uses (a forgotten `networks: [...]` or mount?): it is rendered all the same.',
  },
};
