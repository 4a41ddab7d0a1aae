import { workloadsOf } from '../containers';
import type { Rule } from '../rule';

/** Host networking skips the system's networks: every port the workload opens is open on the host. */
export const hostNetwork: Rule = {
  code: 'lint/host-network',
  check: (spec, _context, reporter) =>
    workloadsOf(spec)
      .filter((w) => w.hostNetwork)
      .map((w) =>
        reporter.make(
          'lint/host-network',
          `${w.path} hostNetwork`,
          "the workload uses the host's network stack: it joins no network and every port it opens is open on the host",
          'Remove hostNetwork: true and publish the ports it needs.',
        ),
      ),
};
