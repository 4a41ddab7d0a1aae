import { lint } from '../../lib/lint';
import { Image, LINT_RULES, Port, Service, type SuppressibleCode } from '../../lib/model';
import { CLEAN, sys } from './lint-kit';

describe('turning lint rules off per workload (suppress)', () => {
  test('GIVEN a rule suppressed with a reason WHEN linted THEN it produces no diagnostic and is listed with its reason', () => {
    const s = sys();
    new Service(s, 'web', { ...CLEAN, resources: undefined, suppress: { 'lint/no-resource-limits': 'sized by the platform' } });
    const r = lint(s.toSpec());
    expect(r.diagnostics).toEqual([]);
    expect(r.suppressed.map((x) => [x.diagnostic.code, x.diagnostic.path, x.reason])).toEqual([
      ['lint/no-resource-limits', 'shop/web resources', 'sized by the platform'],
    ]);
  });

  test('GIVEN a suppression on one workload THEN its sidecars are covered and other workloads are not', () => {
    const s = sys();
    const web = new Service(s, 'web', { ...CLEAN, logging: undefined, suppress: { 'lint/no-log-limit': 'journald rotates' } });
    web.addSidecar('shipper', { image: Image.of('busybox:1.36'), security: CLEAN.security, resources: { memory: '8m', cpus: 0.1 } });
    new Service(s, 'webhook', { ...CLEAN, logging: undefined });
    const r = lint(s.toSpec());
    expect(r.diagnostics.map((d) => d.path)).toEqual(['shop/webhook logging']);
    expect(r.suppressed.map((x) => x.diagnostic.path)).toEqual(['shop/web logging', 'shop/web/shipper logging']);
  });

  test('GIVEN an error rule suppressed with a reason THEN it is turned off too', () => {
    const s = sys();
    new Service(s, 'web', { ...CLEAN, replicas: 2, ports: [Port.tcp(80).publish(8080)], suppress: { 'lint/fixed-port-replicas': 'deployed to a swarm only' } });
    expect(lint(s.toSpec()).diagnostics).toEqual([]);
  });

  test('GIVEN an unknown lint rule WHEN the workload is constructed THEN a ModelError lists the rules', () => {
    const s = sys();
    const suppress = { 'lint/no-limits': 'typo' } as unknown as Record<SuppressibleCode, string>;
    expect(() => new Service(s, 'web', { ...CLEAN, suppress })).toThrow(
      `shop/web suppress.lint/no-limits: unknown rule (got "lint/no-limits"). Use one of ${LINT_RULES.join(', ')}.`,
    );
  });

  test('GIVEN a key that is neither a lint rule nor a target code THEN a ModelError says what is accepted', () => {
    const s = sys();
    const suppress = { 'no-limits': 'typo' } as unknown as Record<SuppressibleCode, string>;
    expect(() => new Service(s, 'web', { ...CLEAN, suppress })).toThrow(
      'shop/web suppress.no-limits: unknown rule (got "no-limits"). Use a lint rule (lint/...) or a target code (compose/..., kubernetes/..., ecs/..., docker/...).',
    );
  });

  test('GIVEN suppress that is not an object THEN a ModelError', () => {
    const s = sys();
    expect(() => new Service(s, 'web', { ...CLEAN, suppress: ['lint/privileged'] as never })).toThrow('shop/web suppress: must map rule codes to reasons (got ["lint/privileged"])');
  });

  test('GIVEN the typed option THEN a typo is a compile error', () => {
    const s = sys();
    // @ts-expect-error 'lint/no-limit' is not a LintRule
    const typo = () => new Service(s, 'web', { ...CLEAN, suppress: { 'lint/no-limit': 'x' } });
    expect(typo).toThrow(/unknown rule/);
    new Service(s, 'ok', { ...CLEAN, suppress: { 'kubernetes/logging': 'the cluster rotates logs', 'lint/privileged': 'needs /dev/kvm' } });
  });

  test('GIVEN a target code that no target emits WHEN linted THEN lint/unknown-suppression names it', () => {
    const s = sys();
    new Service(s, 'web', { ...CLEAN, suppress: { 'kubernetes/loging': 'typo', 'kubernetes/logging': 'the cluster rotates logs' } });
    expect(lint(s.toSpec()).diagnostics).toEqual([
      {
        code: 'lint/unknown-suppression',
        severity: 'warning',
        path: 'shop/web suppress.kubernetes/loging',
        message: 'no target emits kubernetes/loging: the entry turns nothing off',
        fix: 'Check the code against docs/diagnostics.md, or remove the entry.',
      },
    ]);
  });
});
