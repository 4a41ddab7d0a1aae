import { Image, Network, Service, System } from '../../lib/model';
import { renderDocker } from './docker-test-kit';

describe('aliases with docker: --network-alias on the first network, --alias on every other', () => {
  test('GIVEN a service with aliases on two networks WHEN rendered THEN docker run and docker network connect give each name', () => {
    const sys = new System('shop');
    const back = new Network(sys, 'back');
    const front = new Network(sys, 'front');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), networks: [back, front], aliases: ['database', 'postgres'] });
    const script = renderDocker(sys).script;
    expect(script).toContain('--network shop-back --network-alias db --network-alias database --network-alias postgres');
    expect(script).toMatch(/docker network connect --alias db --alias database --alias postgres shop-front /);
  });
});
