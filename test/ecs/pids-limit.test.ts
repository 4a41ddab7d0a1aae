import { Image, Service, System } from '../../lib/model';
import { containersOf, find, synthEcs, withEcs } from './support/ecs-kit';

describe('ECS: a process limit', () => {
  test("GIVEN resources.pids WHEN synthesized on Fargate and EC2 THEN the container definition has no limit, and 'ecs/pids-limit' says so", () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { pids: 200 } });
    for (const launchType of ['fargate', 'ec2'] as const) {
      const r = synthEcs(withEcs(sys.toSpec(), { launchType }));
      const d = find(r.diagnostics, 'ecs/pids-limit');
      expect([d.severity, d.path, d.message, d.fix]).toEqual([
        'warning',
        'shop/web resources.pids',
        'a container definition has no process limit: web runs without its limit of 200 processes',
        'Bound it by memory (resources.memory), which ECS sets, or run it where --pids-limit applies (Compose, Swarm, docker).',
      ]);
      expect(JSON.stringify(containersOf(r.template!, 'shop-web'))).not.toMatch(/pids/i);
    }
  });
});
