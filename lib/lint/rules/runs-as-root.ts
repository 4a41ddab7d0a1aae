import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker: "if a service can run without privileges, use USER to change to a non-root user". */
export const runsAsRoot: Rule = {
  code: 'lint/runs-as-root',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) => {
      const { user, uid } = container.security;
      const root = user === undefined ? 'the image' : uid === 0 || user.split(':')[0] === 'root' ? 'root' : undefined;
      if (root === undefined) return [];
      const message =
        root === 'the image'
          ? "no user is set: the process runs as the image's USER, which is root unless the image says otherwise"
          : `the process runs as root (got ${JSON.stringify(user)})`;
      return [reporter.make('lint/runs-as-root', `${container.path} security.user`, message, "Run as a numeric non-root user the image supports, e.g. security: Security.restricted({ user: '10001' }).")];
    }),
};
