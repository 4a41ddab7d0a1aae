import { Image, Service, System } from '../../lib/model';
import { renderCompose } from './compose-test-kit';

describe('a global service on Compose', () => {
  test('GIVEN mode global WHEN rendered THEN deploy.mode is global with no replicas, and docker compose accepts it', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global' });
    const r = renderCompose(sys);
    expect(r.doc.services.agent.deploy).toEqual({ mode: 'global', restart_policy: { condition: 'any' } });
    expect(r.codes).toEqual([]);
  });
});
