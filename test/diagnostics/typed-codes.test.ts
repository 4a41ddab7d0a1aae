import { Reporter } from '../../lib/diagnostics/reporter';
import { LINT_CODES } from '../../lib/lint/codes';

// `npm test` type-checks this file with tsc before jest runs: a code that its table does not hold is a type
// error, so each `@ts-expect-error` below fails the build if the misspelt code were ever accepted.
describe('diagnostic codes are literal types', () => {
  test('GIVEN a reporter of a code table WHEN a known code is reported THEN the severity comes from the table', () => {
    const reporter = new Reporter(LINT_CODES);
    reporter.report('lint/privileged', 'shop/web privileged', 'runs privileged');
    expect(reporter.diagnostics).toEqual([{ code: 'lint/privileged', severity: 'warning', path: 'shop/web privileged', message: 'runs privileged' }]);
  });

  test('GIVEN a code that is not in the table THEN tsc refuses it', () => {
    const reporter = new Reporter(LINT_CODES);
    const misspelt = () =>
      // @ts-expect-error 'lint/privileges' is not a lint code
      reporter.report('lint/privileges', 'shop/web', 'typo');
    expect(typeof misspelt).toBe('function');
  });
});
