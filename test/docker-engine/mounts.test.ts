import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { ephemeralSizeText, planMounts } from '../../lib/targets/docker-engine/mounts';

const image = Image.of('busybox:1.36');

describe('Docker engine mount plan', () => {
  test('GIVEN a sidecar with volumesFrom WHEN planned THEN only its own mounts, numbered from 0, and every tmpfs of the main container as unshared', () => {
    // GIVEN
    const sys = new System('shop');
    const data = new Volume(sys, 'data');
    const web = new Service(sys, 'web', { image, mounts: [Mount.volume(data, '/data'), Mount.ephemeral('/run/cache', { tmpfs: true })] });
    web.addSidecar('shipper', { image, volumesFrom: true, mounts: [Mount.ephemeral('/tmp/own')] });
    const spec = sys.toSpec();
    const main = spec.services[0].main;
    const sidecar = spec.services[0].sidecars[0];
    // WHEN
    const plan = planMounts(sidecar, main);
    // THEN
    expect(plan.own.map(({ mount, index }) => [index, mount.target])).toEqual([[0, '/tmp/own']]);
    expect(plan.unsharedTmpfs.map(({ mount, index, main: from }) => [index, mount.target, from.path])).toEqual([[1, '/run/cache', 'shop/web']]);
  });

  test('GIVEN a main container, and a sidecar without volumesFrom WHEN planned THEN every mount is its own and nothing is unshared', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, mounts: [Mount.ephemeral('/run/cache', { tmpfs: true })] });
    web.addSidecar('shipper', { image, volumesFrom: false, mounts: [Mount.ephemeral('/tmp/own')] });
    const [service] = sys.toSpec().services;
    expect(planMounts(service.main)).toEqual({ own: [{ mount: service.main.mounts[0], index: 0 }], unsharedTmpfs: [] });
    expect(planMounts(service.sidecars[0], service.main)).toEqual({ own: [{ mount: service.sidecars[0].mounts[0], index: 0 }], unsharedTmpfs: [] });
  });

  test('GIVEN a size limit on an anonymous volume WHEN worded THEN the limit in Docker notation and the tmpfs fix', () => {
    expect(ephemeralSizeText(64 * 1024 ** 2)).toEqual([
      'an anonymous volume cannot be limited to 64m: the limit is not enforced.',
      'Make it a tmpfs mount (Mount.ephemeral(target, { tmpfs: true, sizeLimit })) to have the limit enforced.',
    ]);
  });
});
