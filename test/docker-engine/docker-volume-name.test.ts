import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { renderCompose } from '../compose/compose-test-kit';
import { renderDocker } from '../docker/docker-test-kit';
import { modelErrorOf } from '../model/helpers';
import { renderSwarm } from '../swarm/swarm-test-kit';

/** GIVEN a volume that keeps the Docker volume an earlier Compose file created, `shop_db_data`. */
function shopWithDockerName(): System {
  const sys = new System('shop');
  const data = new Volume(sys, 'db-data', { dockerName: 'shop_db_data' });
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/var/lib/postgresql/data')] });
  return sys;
}

describe('Volume dockerName', () => {
  test('GIVEN a Docker name WHEN the spec is made THEN the volume keeps its DNS-safe name and carries the Docker name', () => {
    const volume = shopWithDockerName().toSpec().volumes[0];
    expect([volume.name, volume.dockerName]).toEqual(['db-data', 'shop_db_data']);
  });

  test.each<[string, unknown]>([
    ['a name with a space', 'shop db'],
    ['a name starting with _', '_db'],
    ['a number', 5],
  ])('GIVEN %s WHEN the volume is created THEN it fails with the exact message', (_given, dockerName) => {
    expect(modelErrorOf(() => new Volume(new System('shop'), 'db-data', { dockerName: dockerName as string }))).toBe(
      `shop/db-data dockerName: must be a Docker volume name: letters, digits, _ . and -, starting with a letter or digit (got ${JSON.stringify(dockerName)}). Write e.g. 'shop_db_data'.`,
    );
  });

  test('GIVEN a Docker name WHEN rendered on Compose THEN the volume key is the model name and `name:` the Docker name, which docker-compose accepts', () => {
    const out = renderCompose(shopWithDockerName());
    expect(out.doc.volumes).toEqual({ 'db-data': { name: 'shop_db_data' } });
    expect(out.doc.services.db.volumes).toEqual([{ type: 'volume', source: 'db-data', target: '/var/lib/postgresql/data' }]);
  });

  test('GIVEN a Docker name WHEN rendered on Swarm THEN the stack volume has that name, which docker stack config accepts', () => {
    const out = renderSwarm(shopWithDockerName());
    expect(out.doc.volumes).toEqual({ 'db-data': { name: 'shop_db_data' } });
  });

  test('GIVEN a Docker name WHEN rendered as a docker script THEN the volume created and mounted is the Docker name', () => {
    const out = renderDocker(shopWithDockerName());
    expect(out.script).toContain('docker volume create --label lading.app=shop shop_db_data >/dev/null');
    expect(out.script).toContain('-v shop_db_data:/var/lib/postgresql/data');
    expect(out.script).not.toContain('shop-db-data');
  });
});
