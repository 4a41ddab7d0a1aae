import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker: privileged containers are "no good idea in production". */
export const privileged: Rule = {
  code: 'lint/privileged',
  check: (spec, _context, reporter) =>
    containersOf(spec)
      .filter(({ container }) => container.privileged)
      .map(({ container }) =>
        reporter.make(
          'lint/privileged',
          `${container.path} privileged`,
          'the container runs privileged: it has full access to the host and its devices',
          'Remove privileged: true and grant only what the container needs.',
        ),
      ),
};
