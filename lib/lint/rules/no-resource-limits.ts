import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker: "most orchestration requires resource limiting". Every container needs `--memory` and `--cpus`. */
export const noResourceLimits: Rule = {
  code: 'lint/no-resource-limits',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) => {
      const missing = [
        container.resources.memoryBytes === undefined ? 'memory limit (--memory)' : undefined,
        container.resources.cpuMillis === undefined ? 'CPU limit (--cpus)' : undefined,
      ].filter((m): m is string => m !== undefined);
      if (missing.length === 0) return [];
      return [
        reporter.make(
          'lint/no-resource-limits',
          `${container.path} resources`,
          `no ${missing.join(' and no ')}: one container can starve the others`,
          "Set resources: { memory: '256m', cpus: 0.5 } to what it needs.",
        ),
      ];
    }),
};
