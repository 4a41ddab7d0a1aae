import fc from 'fast-check';
import { lint } from '../../lib/lint';
import { systemPlan } from './arbitraries';
import { buildSystem } from './build-system';
import { expectUserError, expectWellFormed, fcParameters } from './expectations';

describe('random systems through the public API: the model and the lint rules', () => {
  test('GIVEN any plan WHEN built THEN it yields a frozen spec or a ModelError that names a path; lint never throws', () => {
    let valid = 0;
    let rejected = 0;
    fc.assert(
      fc.property(systemPlan, (plan) => {
        const built = buildSystem(plan);
        if (!built.spec) {
          rejected++;
          expectUserError(built.thrown);
          return;
        }
        valid++;
        expect(Object.isFrozen(built.spec)).toBe(true);
        const r = lint(built.spec);
        expectWellFormed(built.spec, r.diagnostics);
        for (const s of r.suppressed) expect(s.reason.trim()).not.toBe('');
        // the value of a secret-looking variable never reaches a message
        for (const d of r.diagnostics.filter((x) => x.code === 'lint/secret-in-env')) {
          const [container, prop] = d.path.split(' ');
          const w = [...built.spec.services, ...built.spec.jobs].flatMap((x) => [x.main, ...x.sidecars]).find((c) => c.path === container);
          const value = w?.env[prop.slice('env.'.length)] ?? '';
          if (value.length >= 4) expect(`${d.message} ${d.fix}`).not.toContain(value);
        }
      }),
      fcParameters(400),
    );
    // both kinds of outcome are exercised
    expect(valid).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(40);
  });
});
