import { Image, Service, System } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

describe('a process limit on Swarm', () => {
  test('GIVEN resources.pids WHEN rendered THEN deploy.resources.limits.pids carries it, and docker stack config keeps it', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { memory: '256m', pids: 200 } });
    const r = renderSwarm(sys);
    expect(r.doc.services.web.deploy.resources.limits).toEqual({ memory: '256M', pids: 200 });
    expect(r.doc.services.web.pids_limit).toBeUndefined();
  });
});
