import { containersOf } from '../containers';
import type { Rule } from '../rule';

/**
 * Capabilities that reach beyond the container: the kernel (modules, BPF, raw I/O, boot, clock), other processes
 * (ptrace), every file (DAC_READ_SEARCH), security modules and the host's network configuration. `ALL` holds them all.
 */
export const DANGEROUS_CAPABILITIES: readonly string[] = [
  'ALL', 'BPF', 'DAC_READ_SEARCH', 'MAC_ADMIN', 'MAC_OVERRIDE', 'NET_ADMIN', 'PERFMON', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_MODULE',
  'SYS_PTRACE', 'SYS_RAWIO', 'SYS_TIME',
];

/** Docker: "only grant the capabilities the container needs"; some of them let it break out. */
export const dangerousCapability: Rule = {
  code: 'lint/dangerous-capability',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) => {
      const added = container.security.capabilities.add.filter((c) => DANGEROUS_CAPABILITIES.includes(c));
      if (added.length === 0) return [];
      return [
        reporter.make(
          'lint/dangerous-capability',
          `${container.path} security.capabilities.add`,
          `${added.join(', ')} ${added.length === 1 ? 'lets' : 'let'} the container act beyond itself, on the host's kernel, processes or network`,
          'Add only what the program needs (NET_BIND_SERVICE to listen below 1024, for example), or run it on a host set apart.',
        ),
      ];
    }),
};
