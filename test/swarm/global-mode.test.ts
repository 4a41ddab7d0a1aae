import { Image, Service, System } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

describe('a global service on Swarm', () => {
  test('GIVEN mode global WHEN rendered THEN deploy.mode is global with no replicas, and docker stack config accepts it', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global' });
    const r = renderSwarm(sys);
    expect(r.doc.services.agent.deploy.mode).toBe('global');
    expect(r.doc.services.agent.deploy).not.toHaveProperty('replicas');
  });
});
