import { Image, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

describe('compose resources', () => {
  test('GIVEN memory, reservation, CPU shares and CPUs WHEN rendered THEN cpu_shares and deploy.resources in Docker notation', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), resources: { memory: '1g', memoryReservation: '512m', cpuShares: 512, cpus: 0.5 } });
    const block = serviceBlock(renderCompose(sys), 'db');
    expect(block).toContain('    cpu_shares: 512\n');
    expect(block).toContain(
      '    deploy:\n      replicas: 1\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 1G\n        reservations:\n          memory: 512M\n',
    );
  });

  test('GIVEN only a CPU limit WHEN rendered THEN only limits.cpus, no reservations and no cpu_shares', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { cpus: 2 } });
    const out = renderCompose(sys);
    expect(out.doc.services.web.deploy.resources).toEqual({ limits: { cpus: '2' } });
    expect(out.doc.services.web.cpu_shares).toBeUndefined();
  });

  test('GIVEN no resources WHEN rendered THEN no resources at all', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    expect(renderCompose(sys).doc.services.web.deploy.resources).toBeUndefined();
  });
});
