import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker keeps 14 capabilities by default (CHOWN, NET_RAW, SETUID ...); most programs need none of them. */
export const capabilitiesNotDropped: Rule = {
  code: 'lint/capabilities-not-dropped',
  check: (spec, _context, reporter) =>
    containersOf(spec)
      .filter(({ container }) => !container.security.capabilities.drop.includes('ALL') && !container.privileged)
      .map(({ container }) =>
        reporter.make(
          'lint/capabilities-not-dropped',
          `${container.path} security.capabilities.drop`,
          "Docker's default capabilities are kept (CHOWN, NET_RAW, SETUID, ...): the process holds more power than it likely needs",
          "Drop them all and add back what it needs: security: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }.",
        ),
      ),
};
