import { Image, Network, Port, Service, System } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

describe('aliases on Swarm: network aliases on each network, beside a fixed container name', () => {
  test('GIVEN a service with a container name and aliases WHEN rendered THEN each network carries the container name and the aliases', () => {
    const sys = new System('shop');
    const back = new Network(sys, 'back');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back], containerName: 'pg', aliases: ['database'] });
    const r = renderSwarm(sys);
    expect(r.doc.services.db.networks).toEqual({ back: { aliases: ['pg', 'database'] } });
    expect(r.diagnostics.filter((d) => d.code === 'swarm/container-name')).toHaveLength(1);
  });

  test('GIVEN aliases only WHEN rendered THEN no container-name note is given', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), aliases: ['database'] });
    const r = renderSwarm(sys);
    expect([r.doc.services.db.networks, r.diagnostics.some((d) => d.code === 'swarm/container-name')]).toEqual([{ default: { aliases: ['database'] } }, false]);
  });
});
