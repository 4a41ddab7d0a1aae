import { Mount, Service, Volume } from '../../lib/model';
import { modelErrorOf, NGINX, shop, web } from './helpers';

describe('Mount', () => {
  it('GIVEN a volume, an ephemeral and a bind mount WHEN resolved THEN each is kept in order with its defaults resolved', () => {
    const sys = shop();
    const data = new Volume(sys, 'data');
    const service = new Service(sys, 'web', {
      image: NGINX,
      mounts: [
        Mount.volume(data, '/var/lib/data/', { readOnly: true }),
        Mount.ephemeral('/var/cache/app'),
        Mount.ephemeral('/tmp', { tmpfs: true, sizeLimit: '64m', name: 'scratch' }),
        Mount.bind('./src', '/app'),
      ],
    });
    expect(service._main.mounts).toEqual([
      { kind: 'volume', volume: 'data', target: '/var/lib/data', readOnly: true },
      { kind: 'ephemeral', name: 'var-cache-app', target: '/var/cache/app', tmpfs: false, readOnly: false },
      { kind: 'ephemeral', name: 'scratch', target: '/tmp', tmpfs: true, sizeLimitBytes: 67108864, readOnly: false },
      { kind: 'bind', source: './src', target: '/app', readOnly: false, inImage: false },
    ]);
  });

  it.each(['/var/log', './logs', '../shared', '.'])('GIVEN the bind source %p WHEN resolved THEN it is kept as written', (source) => {
    expect(web({ mounts: [Mount.bind(source, '/data')] })._main.mounts[0]).toEqual({ kind: 'bind', source, target: '/data', readOnly: false, inImage: false });
  });

  it.each<[string, () => Mount[], string]>([
    [
      'a relative target',
      () => [Mount.ephemeral('data')],
      "shop/web mounts[0].target: mount target must be an absolute path inside the container, not / (got \"data\"). Write e.g. '/var/lib/data'.",
    ],
    [
      'the root as target',
      () => [Mount.ephemeral('/')],
      "shop/web mounts[0].target: mount target must be an absolute path inside the container, not / (got \"/\"). Write e.g. '/var/lib/data'.",
    ],
    [
      'only slashes as target',
      () => [Mount.bind('./src', '//')],
      "shop/web mounts[0].target: mount target must be an absolute path inside the container, not / (got \"//\"). Write e.g. '/var/lib/data'.",
    ],
    [
      'a target with a colon',
      () => [Mount.bind('./src', '/app:ro')],
      "shop/web mounts[0].target: mount target must be an absolute path inside the container, not / (got \"/app:ro\"). Write e.g. '/var/lib/data'.",
    ],
    [
      'a volume that is not a Volume',
      () => [Mount.volume('pgdata' as unknown as Volume, '/data')],
      'shop/web mounts[0].volume: must be a Volume (got "pgdata"). Create it with new Volume(system, name).',
    ],
    [
      'an ephemeral name in uppercase',
      () => [Mount.ephemeral('/cache', { name: 'Cache' })],
      "shop/web mounts[0].name: ephemeral volume name must be at most 63 lowercase letters, digits and - (got \"Cache\"). Write e.g. 'cache'.",
    ],
    [
      'a target whose derived name is too long',
      () => [Mount.ephemeral(`/${'a'.repeat(64)}`)],
      `shop/web mounts[0].name: ephemeral volume name must be at most 63 lowercase letters, digits and - (got "${'a'.repeat(64)}"). Write e.g. 'cache'.`,
    ],
    [
      'an unparsable size limit',
      () => [Mount.ephemeral('/cache', { sizeLimit: 'big' })],
      "shop/web mounts[0].sizeLimit: cannot parse size (got \"big\"). Write a whole number of bytes or a number with a unit b, k, m, g or t (Docker's notation: '512m', '1g'), or Ki, Mi, Gi, Ti.",
    ],
    [
      'a bare relative bind source',
      () => [Mount.bind('src', '/app')],
      "shop/web mounts[0].source: bind source must be an absolute path or start with './' or '../' (got \"src\"). Write e.g. './src' or '/var/log'.",
    ],
    [
      'a bind source with a colon',
      () => [Mount.bind('C:/src', '/app')],
      "shop/web mounts[0].source: bind source must be an absolute path or start with './' or '../' (got \"C:/src\"). Write e.g. './src' or '/var/log'.",
    ],
    [
      'two mounts on one path',
      () => [Mount.ephemeral('/data'), Mount.bind('./data', '/data/')],
      'shop/web mounts[1].target: mount target already used by mounts[0] (got "/data"). Mount each path once.',
    ],
    [
      'two ephemeral mounts with one name',
      () => [Mount.ephemeral('/a', { name: 'cache' }), Mount.ephemeral('/b', { name: 'cache' })],
      'shop/web mounts[1].name: ephemeral volume name already used (got "cache"). Give each ephemeral mount its own name.',
    ],
    [
      'a path instead of a Mount',
      () => ['/data' as unknown as Mount],
      'shop/web mounts[0]: must be a Mount (got "/data"). Use Mount.volume(...), Mount.ephemeral(...) or Mount.bind(...).',
    ],
  ])('GIVEN %s WHEN a service mounts it THEN the constructor fails with the exact message', (_given, mounts, message) => {
    expect(modelErrorOf(() => web({ mounts: mounts() }))).toBe(message);
  });
});
