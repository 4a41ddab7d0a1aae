import { Image, Service, System } from '../../lib/model';

const NGINX = Image.of('nginx:1.27');

describe('how a workload runs: containerName, hostname, stop, platform and a build stage', () => {
  test('GIVEN each prop WHEN resolved THEN the spec carries it', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, containerName: 'front', hostname: 'web1', stop: { signal: 'SIGINT', gracePeriod: '1m' }, platform: 'linux/arm64' });
    const w = sys.toSpec().services[0];
    expect([w.containerName, w.hostname, w.stop, w.platform]).toEqual(['front', 'web1', { signal: 'SIGINT', gracePeriodSeconds: 60 }, { os: 'linux', architecture: 'arm64' }]);
  });

  test('GIVEN init WHEN resolved THEN the spec carries init: true, and false is left out', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, init: true });
    new Service(sys, 'db', { image: NGINX, init: false });
    const [db, web] = sys.toSpec().services;
    expect([web.init, db.init]).toEqual([true, undefined]);
  });

  test('GIVEN dns as a list and as { servers, search, options } WHEN resolved THEN the spec carries each list in order, and empty lists are left out', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, dns: ['1.1.1.1'] });
    new Service(sys, 'api', { image: NGINX, dns: { servers: [], search: ['corp.example.com', 'example.com'], options: ['ndots:2', 'use-vc'] } });
    new Service(sys, 'db', { image: NGINX, dns: { search: [] } });
    const [api, db, web] = sys.toSpec().services;
    expect([web.dns, api.dns, db.dns]).toEqual([{ servers: ['1.1.1.1'] }, { search: ['corp.example.com', 'example.com'], options: ['ndots:2', 'use-vc'] }, undefined]);
  });

  test('GIVEN extra hosts with IPv4, IPv6 and host-gateway WHEN resolved THEN the spec carries them sorted by host name', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, extraHosts: { 'v6.internal': '::1', 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5' } });
    expect(Object.entries(sys.toSpec().services[0].extraHosts!)).toEqual([
      ['db.internal', '10.0.0.5'],
      ['host.docker.internal', 'host-gateway'],
      ['v6.internal', '::1'],
    ]);
  });

  test('GIVEN ulimits as a number and as soft and hard WHEN resolved THEN the spec carries both limits of each, sorted by name', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, ulimits: { nofile: 65536, memlock: { soft: -1, hard: -1 } } });
    expect(sys.toSpec().services[0].ulimits).toEqual({ memlock: { soft: -1, hard: -1 }, nofile: { soft: 65536, hard: 65536 } });
  });

  test('GIVEN devices with and without a container path and permissions WHEN resolved THEN each has all three, in the order given', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, devices: ['/dev/net/tun', '/dev/video11:/dev/video0:r'] });
    expect(sys.toSpec().services[0].devices).toEqual([
      { hostPath: '/dev/net/tun', containerPath: '/dev/net/tun', permissions: 'rwm' },
      { hostPath: '/dev/video11', containerPath: '/dev/video0', permissions: 'r' },
    ]);
  });

  test.each<[string, object, object]>([
    ['a count, with capabilities', { count: 2, capabilities: ['video', 'gpu', 'compute', 'video'] }, { count: 2, capabilities: ['compute', 'video'] }],
    ['all of them', { count: 'all' }, { count: 'all', capabilities: [] }],
    ['GPUs by id', { deviceIds: ['1', 'GPU-3a2c9f1e'] }, { deviceIds: ['1', 'GPU-3a2c9f1e'], capabilities: [] }],
  ])('GIVEN gpus as %s WHEN resolved THEN the spec keeps count or ids, and the capabilities beyond gpu, sorted', (_, gpus, spec) => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, gpus } as never);
    expect(sys.toSpec().services[0].gpus).toEqual(spec);
  });

  test('GIVEN service labels WHEN resolved THEN the spec carries them sorted, apart from the container labels', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: NGINX, labels: { tier: 'web' }, serviceLabels: { 'traefik.enable': 'true', 'com.example.team': 'shop' } });
    new Service(sys, 'db', { image: NGINX, serviceLabels: {} });
    const [db, web] = sys.toSpec().services;
    expect(web.serviceLabels).toEqual({ 'com.example.team': 'shop', 'traefik.enable': 'true' });
    expect(Object.keys(web.serviceLabels!)).toEqual(['com.example.team', 'traefik.enable']);
    expect(web.main.labels).toEqual({ tier: 'web' });
    expect(db.serviceLabels).toBeUndefined();
  });

  test.each<[string, object, string]>([
    ['a container name with a space', { containerName: 'my web' }, "shop/web containerName: must be a Docker container name: letters, digits, _, . and -, starting with a letter or digit (got \"my web\"). Write e.g. 'es'."],
    ['a container name with replicas', { containerName: 'front', replicas: 2 }, 'shop/web containerName: only one container can carry a fixed name (got 2). Remove containerName or run 1 replica.'],
    ['a hostname with _', { hostname: 'web_1' }, "shop/web hostname: must be DNS labels joined by dots: lowercase letters, digits, - and ., at most 64 (got \"web_1\"). Write e.g. 'web1' or 'mail.example.com'."],
    ['a stop signal in lowercase', { stop: { signal: 'sigint' } }, "shop/web stop.signal: must be a signal name such as SIGINT, or its number (got \"sigint\"). Write e.g. 'SIGINT'."],
    ['stop as a string', { stop: 'SIGINT' }, "shop/web stop: must be { signal, gracePeriod } (got \"SIGINT\"). Write e.g. stop: { signal: 'SIGINT', gracePeriod: '30s' }."],
    ['hostPid as a string', { hostPid: 'host' }, 'shop/web hostPid: must be true or false (got "host"). Write hostPid: true or leave it out.'],
    ['tty as a string', { tty: 'yes' }, 'shop/web tty: must be true or false (got "yes"). Write tty: true or leave it out.'],
    ['init as a string', { init: 'tini' }, 'shop/web init: must be true or false (got "tini"). Write init: true or leave it out.'],
    ['sysctls as a list', { sysctls: ['net.core.somaxconn=1024'] }, "shop/web sysctls: must map kernel parameters to values (got [\"net.core.somaxconn=1024\"]). Write e.g. { 'net.core.somaxconn': '1024' }."],
    ['a sysctl without a dot', { sysctls: { somaxconn: '1' } }, "shop/web sysctls.somaxconn: a kernel parameter is a dotted name with a string or number value (got \"1\"). Write e.g. { 'net.core.somaxconn': '1024' }."],
    ['extra hosts as a list', { extraHosts: ['db:10.0.0.5'] }, "shop/web extraHosts: must map host names to addresses (got [\"db:10.0.0.5\"]). Write e.g. { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5' }."],
    ['an extra host with a name for an address', { extraHosts: { db: 'db.internal' } }, "shop/web extraHosts.db: an address is an IPv4 or IPv6 address or 'host-gateway' (got \"db.internal\"). Write e.g. { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5' }."],
    ['an extra host name with a space', { extraHosts: { 'my db': '10.0.0.5' } }, "shop/web extraHosts.my db: a host name is letters, digits, dots, dashes and underscores (got \"my db\"). Write e.g. { 'host.docker.internal': 'host-gateway', 'db.internal': '10.0.0.5' }."],
    ['ulimits as a list', { ulimits: ['nofile=1024'] }, 'shop/web ulimits: must map limit names to limits (got ["nofile=1024"]). Write e.g. { nofile: 65536, memlock: { soft: -1, hard: -1 } }.'],
    ['an unknown ulimit', { ulimits: { files: 1024 } }, 'shop/web ulimits.files: a limit is one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack (got "files"). Write e.g. { nofile: 65536, memlock: { soft: -1, hard: -1 } }.'],
    ['a ulimit as a string', { ulimits: { nofile: '1024' } }, 'shop/web ulimits.nofile: a limit is a whole number (-1 for unlimited) or { soft, hard } (got "1024"). Write e.g. { nofile: 65536, memlock: { soft: -1, hard: -1 } }.'],
    ['a soft ulimit above the hard one', { ulimits: { nofile: { soft: 4096, hard: 1024 } } }, 'shop/web ulimits.nofile: the soft limit cannot be above the hard limit (got {"soft":4096,"hard":1024}). Lower soft to 1024 or less.'],
    ['devices as a string', { devices: '/dev/dri' }, "shop/web devices: must be a list of devices (got \"/dev/dri\"). Write e.g. ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm']."],
    ['a relative device', { devices: ['dev/dri'] }, "shop/web devices[0]: a device is an absolute host path, then optionally :container path and :permissions (r, w, m) (got \"dev/dri\"). Write e.g. ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm']."],
    ['a device with permission x', { devices: ['/dev/dri:/dev/dri:rx'] }, "shop/web devices[0]: a device is an absolute host path, then optionally :container path and :permissions (r, w, m) (got \"/dev/dri:/dev/dri:rx\"). Write e.g. ['/dev/dri', '/dev/net/tun:/dev/net/tun:rwm']."],
    ['dns as a string', { dns: '1.1.1.1' }, "shop/web dns: must be a list of IP addresses, or { servers, search, options } (got \"1.1.1.1\"). Write e.g. ['1.1.1.1', '9.9.9.9']."],
    ['a DNS server by name in servers', { dns: { servers: ['dns.google'] } }, "shop/web dns.servers[0]: a DNS server is an IPv4 or IPv6 address (got \"dns.google\"). Write e.g. ['1.1.1.1', '9.9.9.9']."],
    ['search domains as a string', { dns: { search: 'corp.example.com' } }, "shop/web dns.search: must be a list of strings (got \"corp.example.com\"). Write e.g. ['corp.example.com']."],
    ['a search domain in upper case', { dns: { search: ['Corp.Example.com'] } }, "shop/web dns.search[0]: a search domain is a lowercase DNS name (got \"Corp.Example.com\"). Write e.g. ['corp.example.com']."],
    ['a resolver option with a space', { dns: { options: ['ndots 2'] } }, "shop/web dns.options[0]: a resolver option is a name, then optionally : and a value (got \"ndots 2\"). Write e.g. ['ndots:2', 'use-vc']."],
    ['a misspelt DNS prop', { dns: { searches: ['corp.example.com'] } }, "shop/web dns: unknown prop 'searches' (did you mean 'search'?)"],
    ['a DNS server by name', { dns: ['dns.google'] }, "shop/web dns[0]: a DNS server is an IPv4 or IPv6 address (got \"dns.google\"). Write e.g. ['1.1.1.1', '9.9.9.9']."],
    ['gpus as a number', { gpus: 1 }, "shop/web gpus: must be an object with count or deviceIds (got 1). Write e.g. gpus: { count: 1 }, { count: 'all' } or { deviceIds: ['0', '1'] }."],
    ['gpus with neither count nor ids', { gpus: { capabilities: ['gpu'] } }, 'shop/web gpus: give count or deviceIds (got {"capabilities":["gpu"]}). Write e.g. gpus: { count: 1 }, { count: \'all\' } or { deviceIds: [\'0\', \'1\'] }.'],
    ['gpus with both count and ids', { gpus: { count: 1, deviceIds: ['0'] } }, 'shop/web gpus: give count or deviceIds, not both (got {"count":1,"deviceIds":["0"]}). Write e.g. gpus: { count: 1 }, { count: \'all\' } or { deviceIds: [\'0\', \'1\'] }.'],
    ['a GPU count of 0', { gpus: { count: 0 } }, "shop/web gpus.count: must be a whole number of at least 1, or 'all' (got 0). Write e.g. count: 1 or count: 'all'."],
    ['a GPU count as a string', { gpus: { count: '2' } }, "shop/web gpus.count: must be a whole number of at least 1, or 'all' (got \"2\"). Write e.g. count: 1 or count: 'all'."],
    ['GPU ids as a string', { gpus: { deviceIds: '0,1' } }, "shop/web gpus.deviceIds: must be a non-empty list of GPU indexes or UUIDs (got \"0,1\"). Write e.g. deviceIds: ['0', '1']."],
    ['a GPU id with a comma', { gpus: { deviceIds: ['0,1'] } }, "shop/web gpus.deviceIds[0]: a GPU is its index or UUID, as nvidia-smi -L lists it (letters, digits, ., _, :, -) (got \"0,1\"). Write e.g. '0' or 'GPU-3a2c9f1e-...'."],
    ['a GPU listed twice', { gpus: { deviceIds: ['0', '0'] } }, 'shop/web gpus.deviceIds[1]: names a GPU already listed (got "0"). List each GPU once.'],
    ['an unknown GPU capability', { gpus: { count: 1, capabilities: ['nvenc'] } }, "shop/web gpus.capabilities[0]: a capability is one of compat32, compute, display, gpu, graphics, utility, video (got \"nvenc\"). Write e.g. capabilities: ['video']."],
    ['GPUs with a driver', { gpus: { count: 1, driver: 'nvidia' } }, "shop/web gpus: unknown prop 'driver'. Use one of capabilities, count, deviceIds."],
    ['service labels as a list', { serviceLabels: ['tier=web'] }, 'shop/web serviceLabels: must be an object of names to strings (got ["tier=web"]). Write e.g. { NAME: "value" }.'],
    ['a service label with a space in its key', { serviceLabels: { 'my tier': 'web' } }, "shop/web serviceLabels.my tier: invalid name (got \"my tier\"). Use a key without spaces or '='."],
    ['a service label with a number value', { serviceLabels: { 'traefik.http.services.web.loadbalancer.server.port': 80 } }, 'shop/web serviceLabels.traefik.http.services.web.loadbalancer.server.port: value must be a string (got 80). Write the value in quotes: "80".'],
    ['a platform Windows', { platform: 'windows/amd64' }, "shop/web platform: must be 'linux/amd64' or 'linux/arm64' (got \"windows/amd64\"). Write e.g. 'linux/amd64'."],
  ])('GIVEN %s WHEN constructed THEN it fails with the path, the value and the fix', (_, props, message) => {
    expect(() => new Service(new System('shop'), 'web', { image: NGINX, ...props })).toThrow(message);
  });

  test('GIVEN a build stage that is not a name WHEN resolved THEN it fails with the fix', () => {
    const sys = new System('shop');
    expect(() => new Service(sys, 'web', { image: Image.build({ context: 'apps/web', tag: 'shop/web:1', target: 'my stage' }) })).toThrow(
      "shop/web image.target: must be the name of a stage of the Dockerfile (got \"my stage\"). Write the name after AS in 'FROM image AS builder', e.g. 'builder'.",
    );
  });
});
