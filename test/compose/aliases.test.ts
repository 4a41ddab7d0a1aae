import { Image, Network, Port, Service, System } from '../../lib/model';
import { renderCompose } from './compose-test-kit';

describe('aliases on Compose: network aliases on each of the workload\'s networks', () => {
  test('GIVEN a service with aliases on two networks WHEN rendered THEN each network carries the aliases, and docker-compose accepts it', () => {
    const sys = new System('shop');
    const front = new Network(sys, 'front');
    const back = new Network(sys, 'back');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [front, back], containerName: 'pg', aliases: ['database', 'postgres'] });
    const db = renderCompose(sys).doc.services.db;
    expect([db.container_name, db.networks]).toEqual(['pg', { back: { aliases: ['database', 'postgres'] }, front: { aliases: ['database', 'postgres'] } }]);
  });

  test('GIVEN a service without aliases WHEN rendered THEN networks stays a list', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    expect(renderCompose(sys).doc.services.web.networks).toEqual(['default']);
  });
});
