import { lookupCode } from '../../diagnostics/catalogue';
import { workloadsOf } from '../containers';
import type { Rule } from '../rule';

/**
 * The model checks lint rule names itself; a target's code it can only check by shape, so a misspelt one
 * (`kubernetes/loging`) would turn nothing off, silently.
 */
export const unknownSuppression: Rule = {
  code: 'lint/unknown-suppression',
  check: (spec, _context, reporter) =>
    workloadsOf(spec).flatMap((w) =>
      w.suppressions
        .filter((s) => !s.rule.startsWith('lint/') && lookupCode(s.rule) === undefined)
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
