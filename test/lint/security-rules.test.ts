import { lint } from '../../lib/lint';
import { Image, Job, Mount, Security, Service } from '../../lib/model';
import { CLEAN, lintOf, only, sys } from './lint-kit';

describe('lint rules about how a container is confined', () => {
  describe('lint/sensitive-host-path', () => {
    test('GIVEN the Docker socket bound THEN a warning names the socket and what it grants', () => {
      const s = sys();
      new Service(s, 'ci', { ...CLEAN, mounts: [Mount.bind('/var/run/docker.sock', '/var/run/docker.sock', { readOnly: true })] });
      const d = only(s, 'lint/sensitive-host-path');
      expect(d).toEqual({
        code: 'lint/sensitive-host-path',
        severity: 'warning',
        path: 'shop/ci mounts[0]',
        message: "the container runtime's socket /var/run/docker.sock is mounted: the container can start privileged containers and so control the host",
        fix: 'Mount only the files the container needs, read-only, or talk to the runtime through an API with its own access control.',
      });
    });

    test.each([
      ['/run/', '/run', '/run/docker.sock'],
      ['/', '/', '/var/run/docker.sock'],
    ])('GIVEN the folder %s holding the socket THEN the warning names the socket inside it', (source, path, socket) => {
      const s = sys();
      new Service(s, 'ci', { ...CLEAN, mounts: [Mount.bind(source, '/host-run')] });
      expect(only(s, 'lint/sensitive-host-path').message).toBe(
        `${path}, which holds the container runtime's socket ${socket}, is mounted: the container can start privileged containers and so control the host`,
      );
    });

    test.each(['/etc', '/proc', '/sys/fs/cgroup', '/dev/mem', '/var/lib/docker/volumes', '/root'])('GIVEN the host path %s bound THEN a warning', (source) => {
      const s = sys();
      new Service(s, 'agent', { ...CLEAN, mounts: [Mount.bind(source, '/host')] });
      expect(only(s, 'lint/sensitive-host-path').message).toBe(
        `the host path ${source} is mounted: it exposes the host's configuration, kernel interfaces or devices to the container`,
      );
    });

    test('GIVEN project folders, a file below /etc and a volume THEN nothing is found', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, mounts: [Mount.bind('./src', '/app'), Mount.bind('/etc/ssl/certs', '/etc/ssl/certs', { readOnly: true }), Mount.ephemeral('/tmp', { tmpfs: true })] });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('lint/dangerous-capability', () => {
    test('GIVEN SYS_ADMIN and NET_ADMIN added beside a harmless one THEN one warning names both', () => {
      const s = sys();
      new Service(s, 'vpn', { ...CLEAN, security: { ...CLEAN.security, capabilities: { drop: ['ALL'], add: ['CAP_SYS_ADMIN', 'NET_ADMIN', 'NET_BIND_SERVICE'] } } });
      expect(only(s, 'lint/dangerous-capability')).toEqual({
        code: 'lint/dangerous-capability',
        severity: 'warning',
        path: 'shop/vpn security.capabilities.add',
        message: "NET_ADMIN, SYS_ADMIN let the container act beyond itself, on the host's kernel, processes or network",
        fix: 'Add only what the program needs (NET_BIND_SERVICE to listen below 1024, for example), or run it on a host set apart.',
      });
    });

    test('GIVEN ALL added on a sidecar THEN the warning names the sidecar', () => {
      const s = sys();
      const web = new Service(s, 'web', CLEAN);
      web.addSidecar('debug', { ...CLEAN, security: { user: '10001', readOnlyRootFilesystem: true, capabilities: { add: ['ALL'] } } });
      const found = lintOf(s);
      // warnings sort before notes
      expect(found.map((d) => [d.code, d.path, d.message])).toEqual([
        ['lint/dangerous-capability', 'shop/web/debug security.capabilities.add', "ALL lets the container act beyond itself, on the host's kernel, processes or network"],
        ['lint/capabilities-not-dropped', 'shop/web/debug security.capabilities.drop', "Docker's default capabilities are kept (CHOWN, NET_RAW, SETUID, ...): the process holds more power than it likely needs"],
      ]);
    });
  });

  describe('lint/runs-as-root', () => {
    test('GIVEN no user THEN a note says the image decides, root unless it says otherwise', () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, security: { ...CLEAN.security, user: undefined } });
      expect(only(s, 'lint/runs-as-root')).toEqual({
        code: 'lint/runs-as-root',
        severity: 'info',
        path: 'shop/web security.user',
        message: "no user is set: the process runs as the image's USER, which is root unless the image says otherwise",
        fix: "Run as a numeric non-root user the image supports, e.g. security: Security.restricted({ user: '10001' }).",
      });
    });

    test.each(['0', '0:1000', 'root', 'root:root'])('GIVEN user %s THEN a note says it runs as root', (user) => {
      const s = sys();
      new Job(s, 'migrate', { ...CLEAN, security: { ...CLEAN.security, user } });
      expect(only(s, 'lint/runs-as-root').message).toBe(`the process runs as root (got ${JSON.stringify(user)})`);
    });

    test.each(['1000', '1000:0', 'nginx'])('GIVEN user %s THEN nothing is found', (user) => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, security: { ...CLEAN.security, user } });
      expect(lintOf(s)).toEqual([]);
    });
  });

  describe('lint/writable-root-filesystem and lint/capabilities-not-dropped', () => {
    test("GIVEN Docker's defaults THEN a note for each, and they are info so they stop nothing", () => {
      const s = sys();
      new Service(s, 'web', { ...CLEAN, security: { user: '101' } });
      const found = lintOf(s);
      expect(found.map((d) => [d.code, d.severity, d.path])).toEqual([
        ['lint/capabilities-not-dropped', 'info', 'shop/web security.capabilities.drop'],
        ['lint/writable-root-filesystem', 'info', 'shop/web security.readOnlyRootFilesystem'],
      ]);
      expect(found[1].message).toBe('the root file system is writable: a compromised process can change the programs it runs');
      expect(found[1].fix).toBe("Set security: { readOnlyRootFilesystem: true } and mount the paths it writes with Mount.ephemeral('/tmp', { tmpfs: true }).");
      expect(found[0].fix).toBe("Drop them all and add back what it needs: security: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }.");
    });

    test('GIVEN a privileged container THEN only lint/privileged speaks for its capabilities and root file system', () => {
      const s = sys();
      new Service(s, 'dind', { ...CLEAN, security: { user: '1000' }, privileged: true });
      expect(lintOf(s).map((d) => d.code)).toEqual(['lint/privileged']);
    });
  });

  test('GIVEN each security rule suppressed with a reason THEN none is reported and each is listed with its reason', () => {
    const s = sys();
    new Service(s, 'agent', {
      ...CLEAN,
      image: Image.of('datadog/agent:7.50.0'),
      security: { capabilities: { add: ['SYS_ADMIN'] } },
      mounts: [Mount.bind('/var/run/docker.sock', '/var/run/docker.sock', { readOnly: true })],
      suppress: {
        'lint/sensitive-host-path': 'reads container metadata',
        'lint/dangerous-capability': 'reads cgroups',
        'lint/runs-as-root': 'the agent needs root',
        'lint/writable-root-filesystem': 'writes its own state',
        'lint/capabilities-not-dropped': 'vendor image',
      },
    });
    const r = lint(s.toSpec());
    expect(r.diagnostics).toEqual([]);
    expect(r.suppressed.map((x) => [x.diagnostic.code, x.reason]).sort()).toEqual([
      ['lint/capabilities-not-dropped', 'vendor image'],
      ['lint/dangerous-capability', 'reads cgroups'],
      ['lint/runs-as-root', 'the agent needs root'],
      ['lint/sensitive-host-path', 'reads container metadata'],
      ['lint/writable-root-filesystem', 'writes its own state'],
    ]);
  });

  test('GIVEN Security.restricted on every container THEN none of these rules fires', () => {
    const s = sys();
    const web = new Service(s, 'web', { ...CLEAN, security: Security.restricted({ user: '10001', add: ['NET_BIND_SERVICE'] }) });
    web.addSidecar('shipper', { ...CLEAN });
    expect(lintOf(s)).toEqual([]);
  });
});
