import { Reporter } from '../../lib/diagnostics/reporter';
import { ECS_CODES, type EcsReporter } from '../../lib/targets/ecs/codes';

describe('ECS: codes', () => {
  test('GIVEN the ECS reporter WHEN a code of its table is reported THEN the severity comes from the table', () => {
    const d: EcsReporter = new Reporter(ECS_CODES, 'ecs');
    d.report('ecs/udp-by-name', 'shop/web ports[1]', 'udp port 53 is not reachable as web:53');
    expect(d.diagnostics).toEqual([{ code: 'ecs/udp-by-name', severity: 'warning', path: 'shop/web ports[1]', target: 'ecs', message: 'udp port 53 is not reachable as web:53' }]);
  });

  test('GIVEN the ECS reporter WHEN a code that is not in ECS_CODES is reported THEN tsc refuses it (and it fails at run time too)', () => {
    const d: EcsReporter = new Reporter(ECS_CODES, 'ecs');
    // @ts-expect-error a misspelt code is not an EcsCode; if it were accepted, this directive would fail tsc
    expect(() => d.report('ecs/udp-by-nmae', 'shop/web ports[1]', 'misspelt')).toThrow();
    // @ts-expect-error a code of another area is not an EcsCode either
    expect(() => d.report('compose/volume-size', 'shop/data size', 'another area')).toThrow();
  });
});
