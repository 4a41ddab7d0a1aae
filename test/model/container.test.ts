import { Image, Secret, Service } from '../../lib/model';
import { modelErrorOf, NGINX, shop, web } from './helpers';

const SIZE_FIX = "Write a whole number of bytes or a number with a unit b, k, m, g or t (Docker's notation: '512m', '1g'), or Ki, Mi, Gi, Ti.";

describe('container props', () => {
  it('GIVEN every docker run flag of a container WHEN resolved THEN the spec keeps them, maps sorted and quantities in base units', () => {
    const sys = shop();
    const pw = new Secret(sys, 'db-password');
    const service = new Service(sys, 'web', {
      image: NGINX,
      command: ['nginx', '-g', 'daemon off;'],
      entrypoint: ['/docker-entrypoint.sh'],
      workingDir: '/app',
      security: { user: '101:101' },
      env: { ZED: 'z', ALPHA: 'a', MIDDLE: 'm' },
      secretEnv: { PGPASSWORD: pw, DB_PASSWORD: pw },
      resources: { memory: '512m', memoryReservation: '256m', cpuShares: 512, cpus: 0.5 },
      labels: { tier: 'edge', 'com.example.team': 'web' },
      logging: { maxSize: '10m', maxFiles: 3 },
      privileged: true,
    });
    const main = service._main;
    expect(main).toMatchObject({
      name: 'web',
      path: 'shop/web',
      command: ['nginx', '-g', 'daemon off;'],
      entrypoint: ['/docker-entrypoint.sh'],
      workingDir: '/app',
      env: { ALPHA: 'a', MIDDLE: 'm', ZED: 'z' },
      secretEnv: [
        { name: 'DB_PASSWORD', secret: 'db-password' },
        { name: 'PGPASSWORD', secret: 'db-password' },
      ],
      resources: { memoryBytes: 536870912, memoryReservationBytes: 268435456, cpuShares: 512, cpuMillis: 500 },
      labels: { 'com.example.team': 'web', tier: 'edge' },
      logging: { maxSizeBytes: 10485760, maxFiles: 3 },
      privileged: true,
    });
    expect(Object.keys(main.env)).toEqual(['ALPHA', 'MIDDLE', 'ZED']);
    expect(Object.keys(main.labels)).toEqual(['com.example.team', 'tier']);
  });

  it('GIVEN only an image WHEN resolved THEN nothing is invented: empty maps, no resources, no logging, not privileged', () => {
    const main = web()._main;
    expect(main).toEqual({
      name: 'web',
      path: 'shop/web',
      image: { kind: 'registry', ref: 'nginx:1.27', repository: 'nginx', tag: '1.27', digest: undefined, credentials: undefined },
      env: {},
      secretEnv: [],
      ports: [],
      resources: {},
      mounts: [],
      files: [],
      labels: {},
      privileged: false,
      security: { readOnlyRootFilesystem: false, capabilities: { add: [], drop: [] }, noNewPrivileges: false },
    });
  });

  it('GIVEN logging without maxFiles WHEN resolved THEN one file is kept', () => {
    expect(web({ logging: { maxSize: '1m' } })._main.logging).toEqual({ maxSizeBytes: 1048576, maxFiles: 1 });
  });

  it('GIVEN cpus as a string WHEN resolved THEN it is millicores, as a number would be', () => {
    expect(web({ resources: { cpus: '1.5' } })._main.resources).toEqual({ cpuMillis: 1500 });
  });

  it('GIVEN a process limit WHEN resolved THEN the spec carries it as pidsLimit', () => {
    expect(web({ resources: { pids: 200 } })._main.resources).toEqual({ pidsLimit: 200 });
  });

  it('GIVEN a reservation without a limit WHEN resolved THEN it is kept alone', () => {
    expect(web({ resources: { memoryReservation: '1g' } })._main.resources).toEqual({ memoryReservationBytes: 1073741824 });
  });

  it('GIVEN a reservation equal to the limit WHEN resolved THEN it is accepted', () => {
    expect(web({ resources: { memory: '1g', memoryReservation: '1024m' } })._main.resources).toEqual({ memoryBytes: 1073741824, memoryReservationBytes: 1073741824 });
  });

  it.each<[string, object, string]>([
    ['no props at all', null as unknown as object, 'shop/web: props are required (got null). Pass at least { image: Image.of(...) }.'],
    ['an image as a string', { image: 'nginx:1.27' }, "shop/web image: must be an Image (got \"nginx:1.27\"). Use Image.of('nginx:1.27') or Image.build({...})."],
    ['no image', { image: undefined }, "shop/web image: must be an Image. Use Image.of('nginx:1.27') or Image.build({...})."],
    ['a command as one string', { command: 'npm start' }, "shop/web command: must be a list of strings (got \"npm start\"). Write e.g. ['npm', 'start']."],
    ['an entrypoint with a number', { entrypoint: ['sleep', 5] }, "shop/web entrypoint: must be a list of strings (got [\"sleep\",5]). Write e.g. ['npm', 'start']."],
    ['a relative working dir', { workingDir: 'app' }, "shop/web workingDir: must be an absolute path (got \"app\"). Write e.g. '/app'."],
    ['env as a list', { env: ['A=1'] }, 'shop/web env: must be an object of names to strings (got ["A=1"]). Write e.g. { NAME: "value" }.'],
    ['an env name with a space', { env: { 'my var': 'x' } }, 'shop/web env.my var: invalid name (got "my var"). Use letters, digits, \'_\', \'-\' and \'.\', not starting with a digit.'],
    ['an env value that is a number', { env: { PORT: 8080 } }, 'shop/web env.PORT: value must be a string (got 8080). Write the value in quotes: "8080".'],
    ['a label key with a space', { labels: { 'my label': 'x' } }, "shop/web labels.my label: invalid name (got \"my label\"). Use a key without spaces or '='."],
    ['a label value that is a boolean', { labels: { public: true } }, 'shop/web labels.public: value must be a string (got true). Write the value in quotes: "true".'],
    ['privileged as a string', { privileged: 'yes' }, 'shop/web privileged: must be true or false (got "yes"). Write privileged: true or leave it out.'],
    ['an unparsable memory limit', { resources: { memory: '1 gig' } }, `shop/web resources.memory: cannot parse size (got "1 gig"). ${SIZE_FIX}`],
    [
      'an unparsable memory reservation',
      { resources: { memoryReservation: 'half' } },
      `shop/web resources.memoryReservation: cannot parse size (got "half"). ${SIZE_FIX}`,
    ],
    [
      'a memory limit below Docker\'s minimum',
      { resources: { memory: '4m' } },
      "shop/web resources.memory: memory limit must be at least 6m (Docker's minimum) (got \"4m\"). Write e.g. '256m'.",
    ],
    [
      'a reservation above its limit',
      { resources: { memory: '512m', memoryReservation: '1g' } },
      'shop/web resources.memoryReservation: reservation is above the memory limit "512m" (got "1g"). Lower memoryReservation or raise memory.',
    ],
    ['a process limit of 0', { resources: { pids: 0 } }, 'shop/web resources.pids: must be a whole number of processes of at least 1 (got 0). Write e.g. 200, or leave it out for no limit.'],
    ['a process limit as a string', { resources: { pids: '200' } }, 'shop/web resources.pids: must be a whole number of processes of at least 1 (got "200"). Write e.g. 200, or leave it out for no limit.'],
    [
      'unparsable CPUs',
      { resources: { cpus: 'two' } },
      'shop/web resources.cpus: cannot parse CPUs (got "two"). Write a number of CPUs greater than 0 with at most three decimals, as for docker run --cpus (0.5, 1, 2).',
    ],
    [
      'CPU shares of zero',
      { resources: { cpuShares: 0 } },
      'shop/web resources.cpuShares: CPU shares must be a whole number from 2 to 262144 (got 0). Use 1024 for the weight of one CPU, 512 for half.',
    ],
    ['an unparsable log size', { logging: { maxSize: 'huge' } }, `shop/web logging.maxSize: cannot parse size (got "huge"). ${SIZE_FIX}`],
    ['zero log files', { logging: { maxSize: '10m', maxFiles: 0 } }, 'shop/web logging.maxFiles: must be a whole number from 1 to 100 (got 0). Use e.g. 3.'],
  ])('GIVEN %s WHEN the service is created THEN it fails with the exact message', (_given, props, message) => {
    expect(modelErrorOf(() => new Service(shop(), 'web', props === null ? (null as never) : { image: NGINX, ...props } as never))).toBe(message);
  });
});

describe('secret env', () => {
  it.each<[string, (sys: ReturnType<typeof shop>) => object, string]>([
    [
      'a name with a dash',
      (sys) => ({ 'db-password': new Secret(sys, 'db-password') }),
      'shop/web secretEnv.db-password: invalid name (got "db-password"). Use letters, digits and _, not starting with a digit.',
    ],
    [
      'a name also set in env',
      (sys) => ({ DB_PASSWORD: new Secret(sys, 'db-password') }),
      'shop/web secretEnv.DB_PASSWORD: is also set in env (got "DB_PASSWORD"). Set it in env or secretEnv, not both.',
    ],
    [
      'a literal password instead of a Secret',
      () => ({ PGPASSWORD: 'hunter2' }),
      'shop/web secretEnv.PGPASSWORD: must be a Secret, not a string (the value is not shown). Create it with new Secret(system, name).',
    ],
    [
      'null instead of a Secret',
      () => ({ PGPASSWORD: null }),
      'shop/web secretEnv.PGPASSWORD: must be a Secret, not null (the value is not shown). Create it with new Secret(system, name).',
    ],
  ])('GIVEN %s WHEN the service is created THEN it fails with the exact message', (_given, secretEnv, message) => {
    const sys = shop();
    const props = { image: NGINX, env: { DB_PASSWORD: 'x' }, secretEnv: secretEnv(sys) } as never;
    expect(modelErrorOf(() => new Service(sys, 'web', props))).toBe(message);
  });

  it('GIVEN a literal password in secretEnv WHEN the service is created THEN the error never repeats the value', () => {
    const message = modelErrorOf(() => new Service(shop(), 'web', { image: Image.of('postgres:16.4'), secretEnv: { PGPASSWORD: 'hunter2' as never } }));
    expect(message).not.toContain('hunter2');
  });
});
