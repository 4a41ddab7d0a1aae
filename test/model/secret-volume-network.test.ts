import { Network, Secret, Volume } from '../../lib/model';
import { modelErrorOf, shop } from './helpers';

const SIZE_FIX = "Write a whole number of bytes or a number with a unit b, k, m, g or t (Docker's notation: '512m', '1g'), or Ki, Mi, Gi, Ti.";
const nameRule = (what: string) => `${what} name must be at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit`;

describe('Secret', () => {
  it('GIVEN a secret with no props WHEN created THEN its env name and key are derived and it holds no value', () => {
    const secret = new Secret(shop(), 'db-password');
    expect(secret._toSpec()).toEqual({ name: 'db-password', path: 'shop/db-password', envName: 'DB_PASSWORD', existingName: undefined, key: 'value' });
  });

  it('GIVEN an existing secret, an env name and a key WHEN created THEN all three are kept', () => {
    const secret = new Secret(shop(), 'db-password', { existingName: 'prod/db', envName: 'PGPASS', key: 'password' });
    expect(secret._toSpec()).toEqual({ name: 'db-password', path: 'shop/db-password', envName: 'PGPASS', existingName: { compose: 'prod/db', docker: 'prod/db', ecs: 'prod/db', kubernetes: 'prod/db', swarm: 'prod/db' }, key: 'password' });
  });

  it('GIVEN an existing name per target with a default WHEN created THEN each target gets its own name, else the default', () => {
    const secret = new Secret(shop(), 'traefik-users', { existingName: { default: 'traefik_users', kubernetes: 'traefik-users', ecs: 'prod/traefik-users' } });
    expect(secret._toSpec().existingName).toEqual({ compose: 'traefik_users', docker: 'traefik_users', ecs: 'prod/traefik-users', kubernetes: 'traefik-users', swarm: 'traefik_users' });
  });

  it('GIVEN an existing name for Kubernetes only WHEN created THEN the other targets have none', () => {
    const secret = new Secret(shop(), 'db-password', { existingName: { kubernetes: 'db-password' } });
    expect(secret._toSpec().existingName).toEqual({ kubernetes: 'db-password' });
  });

  it.each<[string, object, string]>([
    [
      'a lowercase env name',
      { envName: 'db_password' },
      "shop/db-password envName: must be upper-case letters, digits and _, not starting with a digit (got \"db_password\"). Use a name like 'DB_PASSWORD'.",
    ],
    [
      'an env name starting with a digit',
      { envName: '1PASSWORD' },
      "shop/db-password envName: must be upper-case letters, digits and _, not starting with a digit (got \"1PASSWORD\"). Use a name like 'DB_PASSWORD'.",
    ],
    [
      'an existing name with a space',
      { existingName: 'prod db' },
      'shop/db-password existingName: must be 1-512 letters, digits and /_+=.@- (got "prod db"). Give the name the secret has in its store.',
    ],
    ['an empty existing name', { existingName: '' }, 'shop/db-password existingName: must be 1-512 letters, digits and /_+=.@- (got ""). Give the name the secret has in its store.'],
    [
      'a Kubernetes name with an underscore',
      { existingName: { default: 'traefik_users', kubernetes: 'traefik_users' } },
      "shop/db-password existingName.kubernetes: must be a Kubernetes Secret name: at most 253 lowercase letters, digits, '-' and '.' (got \"traefik_users\"). Write e.g. \"traefik-users\".",
    ],
    [
      'a Swarm name with a slash',
      { existingName: { swarm: 'prod/db' } },
      "shop/db-password existingName.swarm: must be a Swarm secret name: 1-64 letters, digits, '_', '.' and '-', a letter or digit at both ends (got \"prod/db\"). Give the name the secret has in its store.",
    ],
    [
      'an ECS name with a space',
      { existingName: { default: 'db', ecs: 'prod db' } },
      'shop/db-password existingName.ecs: must be 1-512 letters, digits and /_+=.@- (got "prod db"). Give the name the secret has in its store.',
    ],
    ['an unknown target', { existingName: { default: 'db', k8s: 'db' } }, "shop/db-password existingName: unknown prop 'k8s' (did you mean 'ecs'?)"],
    [
      'an unknown key far from every target',
      { existingName: { nomad: 'db' } },
      'shop/db-password existingName: unknown prop \'nomad\'. Use one of compose, default, docker, ecs, kubernetes, swarm.',
    ],
    [
      'an object that names no target',
      { existingName: {} },
      'shop/db-password existingName: names no target (got {}). Give a default or a name per target (default, compose, swarm, docker, kubernetes, ecs), or leave existingName out.',
    ],
    [
      'a number',
      { existingName: 7 },
      "shop/db-password existingName: must be a name or an object of names per target (got 7). Write 'prod/db' or { default: 'prod_db', kubernetes: 'prod-db' }.",
    ],
    ['a key with a slash', { key: 'a/b' }, "shop/db-password key: must be letters, digits, -, _ and . (got \"a/b\"). Use a key like 'value' or 'password'."],
  ])('GIVEN %s WHEN the secret is created THEN it fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => new Secret(shop(), 'db-password', props))).toBe(message);
  });
});

describe('Volume', () => {
  it('GIVEN a volume with no size WHEN created THEN it holds 1Gi', () => {
    const volume = new Volume(shop(), 'data');
    expect([volume.name, volume.sizeBytes, volume.storageClass]).toEqual(['data', 1073741824, undefined]);
  });

  it('GIVEN a size in Docker notation and a storage class WHEN created THEN the size is in bytes and the class kept', () => {
    const volume = new Volume(shop(), 'data', { size: '10g', storageClass: 'gp3' });
    expect([volume.sizeBytes, volume.storageClass]).toEqual([10737418240, 'gp3']);
  });

  it.each<[string, object, string]>([
    ['an unparsable size', { size: 'ten gigs' }, `shop/data size: cannot parse size (got "ten gigs"). ${SIZE_FIX}`],
    ['a size of zero', { size: '0Gi' }, `shop/data size: size must be greater than zero (got "0Gi"). ${SIZE_FIX}`],
    ['an uppercase storage class', { storageClass: 'GP3' }, "shop/data storageClass: must be a lowercase DNS name (got \"GP3\"). Use the name of a StorageClass such as 'gp3'."],
  ])('GIVEN %s WHEN the volume is created THEN it fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => new Volume(shop(), 'data', props))).toBe(message);
  });
});

describe('Network', () => {
  it('GIVEN a network with no props WHEN created THEN it is not internal', () => {
    const network = new Network(shop(), 'backend');
    expect([network.name, network.internal]).toEqual(['backend', false]);
  });

  it('GIVEN an internal network WHEN created THEN internal is kept', () => {
    expect(new Network(shop(), 'backend', { internal: true }).internal).toBe(true);
  });

  it('GIVEN a network named default WHEN created THEN it fails: the name belongs to the implicit network', () => {
    expect(modelErrorOf(() => new Network(shop(), 'default'))).toBe(
      "shop/default name: 'default' is the network of workloads that name none (got \"default\"). Give the network another name, e.g. 'backend'.",
    );
  });
});

describe('names that no target can carry', () => {
  const factories: Array<[string, (id: string) => unknown]> = [
    ['network', (id) => new Network(shop(), id)],
    ['volume', (id) => new Volume(shop(), id)],
    ['secret', (id) => new Secret(shop(), id)],
  ];

  it.each(
    factories.flatMap(([what, make]) =>
      [
        ['uppercase letters', 'Backend', 'backend'],
        ['an underscore', 'db_data', 'db-data'],
        ['a leading digit', '1st', 'st'],
        ['a trailing dash', 'data-', 'data'],
        ['64 characters', 'a'.repeat(64), 'a'.repeat(63)],
        ['nothing but symbols', '__', 'app'],
      ].map(([given, id, suggestion]) => [what, given, id, suggestion, make] as const),
    ),
  )('GIVEN a %s name with %s WHEN created THEN it fails with the rule and a suggested name', (what, _given, id, suggestion, make) => {
    expect(modelErrorOf(() => make(id))).toBe(`shop/${id} name: ${nameRule(what)} (got ${JSON.stringify(id)}). Rename it, e.g. ${JSON.stringify(suggestion)}.`);
  });

  it('GIVEN a name of exactly 63 characters WHEN created THEN it is accepted', () => {
    expect(new Volume(shop(), 'a'.repeat(63)).name).toHaveLength(63);
  });
});

describe('duplicate names in one System', () => {
  it.each<[string, (sys: ReturnType<typeof shop>) => unknown]>([
    ['a second network', (sys) => new Network(sys, 'data')],
    ['a second volume', (sys) => new Volume(sys, 'data')],
    ['a secret', (sys) => new Secret(sys, 'data')],
  ])('GIVEN a volume named data WHEN %s named data is created THEN it fails with the exact message', (_given, make) => {
    const sys = shop();
    new Volume(sys, 'data');
    expect(modelErrorOf(() => make(sys))).toBe('shop/data name: name already used in this scope (got "data"). Give each service, job, network, volume and secret its own name.');
  });
});
