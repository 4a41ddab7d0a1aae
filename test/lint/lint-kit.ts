import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import { lint, LINT_CODES, type LintOptions } from '../../lib/lint';
import { HealthCheck, Image, Security, System, type ServiceProps } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';

/** Props that satisfy every rule: pinned image, limits, log limits, restricted. Tests spread them and change one thing. */
export const CLEAN: ServiceProps = {
  image: Image.of('nginx:1.27'),
  security: Security.restricted({ user: '10001' }),
  resources: { memory: '128m', cpus: 0.5 },
  logging: { maxSize: '10m', maxFiles: 3 },
  health: HealthCheck.http('/', 80),
};

export function sys(): System {
  return new System('shop');
}

/** The lint diagnostics of a system (or a hand-built spec). */
export function lintOf(system: System | SystemSpec, options?: LintOptions): Diagnostic[] {
  const spec = system instanceof System ? system.toSpec() : system;
  return [...lint(spec, options).diagnostics];
}

/** The one diagnostic of `code`, after checking its severity against the catalogue. */
export function only(system: System | SystemSpec, code: keyof typeof LINT_CODES, options?: LintOptions): Diagnostic {
  const found = lintOf(system, options);
  expect(found.map((d) => d.code)).toEqual([code]);
  expect(found[0].severity).toBe(LINT_CODES[code].severity);
  return found[0];
}
