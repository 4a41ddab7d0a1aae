import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker's json-file driver keeps every line unless `max-size` is set. */
export const noLogLimit: Rule = {
  code: 'lint/no-log-limit',
  check: (spec, _context, reporter) =>
    containersOf(spec)
      .filter(({ container }) => container.logging === undefined)
      .map(({ container }) =>
        reporter.make(
          'lint/no-log-limit',
          `${container.path} logging`,
          'logs have no size limit: they grow until the disk is full',
          "Set logging: { maxSize: '10m', maxFiles: 3 }.",
        ),
      ),
};
