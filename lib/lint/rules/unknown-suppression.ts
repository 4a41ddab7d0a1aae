import { workloadsOf } from '../containers';
import type { Rule } from '../rule';

/** Whether some target emits `code`. The catalogue of every code is loaded when there is one to look up. */
function isKnownCode(code: string): boolean {
  const { lookupCode } = require('../../diagnostics/catalogue') as typeof import('../../diagnostics/catalogue');
  return lookupCode(code) !== undefined;
}

/**
 * The model checks lint rule names itself; a target's code it can only check by shape, so a misspelt one
 * (`kubernetes/loging`) would turn nothing off, silently.
 */
export const unknownSuppression: Rule = {
  code: 'lint/unknown-suppression',
  check: (spec, _context, reporter) =>
    workloadsOf(spec).flatMap((w) =>
      w.suppressions
        .filter((s) => !s.rule.startsWith('lint/') && !isKnownCode(s.rule))
        .map((s) =>
          reporter.make(
            'lint/unknown-suppression',
            `${w.path} suppress.${s.rule}`,
            `no target emits ${s.rule}: the entry turns nothing off`,
            'Check the code against docs/diagnostics.md, or remove the entry.',
          ),
        ),
    ),
};
