import { Image, Service, System } from '../../lib/model';
import { modelErrorOf } from './helpers';

describe("a global service (mode: 'global')", () => {
  test('GIVEN mode global WHEN specified THEN the spec says global and one replica; replicated is the default', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global' });
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), mode: 'replicated', replicas: 2 });
    const [agent, web] = sys.toSpec().services;
    expect([agent.global, agent.replicas]).toEqual([true, 1]);
    expect([web.global, web.replicas]).toEqual([undefined, 2]);
  });

  it.each<[string, () => unknown, string]>([
    [
      'replicas',
      () => new Service(new System('shop'), 'agent', { image: Image.of('a:1'), mode: 'global', replicas: 3 }),
      "shop/agent replicas: a global service runs one copy per node and has no replicas (got 3). Remove replicas, or mode: 'global'.",
    ],
    [
      'autoscale',
      () => new Service(new System('shop'), 'agent', { image: Image.of('a:1'), mode: 'global', autoscale: { min: 1, max: 3, cpuPercent: 70 } }),
      "shop/agent autoscale: a global service runs one copy per node and does not autoscale (got {\"min\":1,\"max\":3,\"cpuPercent\":70}). Remove autoscale, or mode: 'global'.",
    ],
    [
      'an unknown mode',
      () => new Service(new System('shop'), 'agent', { image: Image.of('a:1'), mode: 'everywhere' as 'global' }),
      "shop/agent mode: mode is 'replicated' or 'global' (got \"everywhere\"). Write mode: 'global' for one copy per node.",
    ],
  ])('GIVEN a global service with %s WHEN constructed THEN it fails with the fix', (_given, build, message) => {
    expect(modelErrorOf(build)).toBe(message);
  });
});
