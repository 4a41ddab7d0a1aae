import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Docker: "most orchestration requires resource limiting". Every container needs `--memory` and `--cpus`. */
export const noResourceLimits: Rule = {
  code: 'lint/no-resource-limits',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) => {
      const noMemory = container.resources.memoryBytes === undefined;
      const noCpus = container.resources.cpuMillis === undefined;
      const missing = [noMemory ? 'memory limit (--memory)' : undefined, noCpus ? 'CPU limit (--cpus)' : undefined].filter((m): m is string => m !== undefined);
      if (missing.length === 0) return [];
      const set = [noMemory ? "memory: '256m'" : undefined, noCpus ? 'cpus: 0.5' : undefined].filter((m): m is string => m !== undefined).join(', ');
      return [
        reporter.make(
          'lint/no-resource-limits',
          `${container.path} resources`,
          `no ${missing.join(' and no ')}: one container can starve the others`,
          `Set resources: { ${set} } to what it needs${noMemory && noCpus ? '' : ', beside the limit it has'}.`,
        ),
      ];
    }),
};
