import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** A read-only root keeps an intruder from changing the container's programs; writable paths come from mounts. */
export const writableRootFilesystem: Rule = {
  code: 'lint/writable-root-filesystem',
  check: (spec, _context, reporter) =>
    containersOf(spec)
      .filter(({ container }) => !container.security.readOnlyRootFilesystem && !container.privileged)
      .map(({ container }) =>
        reporter.make(
          'lint/writable-root-filesystem',
          `${container.path} security.readOnlyRootFilesystem`,
          'the root file system is writable: a compromised process can change the programs it runs',
          "Set security: { readOnlyRootFilesystem: true } and mount the paths it writes with Mount.ephemeral('/tmp', { tmpfs: true }).",
        ),
      ),
};
