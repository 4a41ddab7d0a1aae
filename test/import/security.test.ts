import type { ComposeImport } from '../../lib/import/compose';
import { writeApp } from '../../lib/import/typescript';
import type { ServiceSpec, SystemSpec } from '../../lib/model/spec';
import { importText } from './support/import-kit';

function spec(imported: ComposeImport): SystemSpec {
  if (!imported.system) throw new Error(JSON.stringify(imported.diagnostics, null, 2));
  return imported.system.toSpec();
}
const service = (s: SystemSpec, name: string): ServiceSpec => s.services.find((w) => w.name === name) as ServiceSpec;
const codes = (imported: ComposeImport): string[] => imported.diagnostics.map((d) => `${d.code} ${d.keyPath}`);

const HARDENED = `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    restart: always
    user: "10001:10001"
    read_only: true
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
    security_opt:
      - no-new-privileges:true
    tmpfs:
      - /tmp:size=64m,mode=1777,uid=10001,gid=10001
    volumes:
      - type: tmpfs
        target: /run/api
        tmpfs:
          mode: 0o700
    deploy:
      resources:
        limits: { memory: 256m, cpus: "0.5" }
  proxy:
    image: nginx:1.27
    restart: always
    user: nginx
    cap_drop: [CAP_NET_RAW, mknod]
    security_opt: [no-new-privileges]
  shipper:
    image: busybox:1.36
    restart: always
    network_mode: service:api
    read_only: true
    cap_drop: ALL
    security_opt: ["no-new-privileges=false"]
`;

describe('importing how a container is confined', () => {
  test('GIVEN user, read_only, cap_add, cap_drop, no-new-privileges and tmpfs mode, uid and gid WHEN imported THEN they are kept without a warning', () => {
    const imported = importText(HARDENED);
    expect(codes(imported).filter((c) => !c.startsWith('import/sidecar '))).toEqual([]);
    const s = spec(imported);
    const api = service(s, 'api');
    expect(api.main.security).toEqual({
      user: '10001:10001',
      uid: 10001,
      gid: 10001,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      noNewPrivileges: true,
    });
    expect(api.main.mounts).toEqual([
      { kind: 'ephemeral', name: 'run-api', target: '/run/api', tmpfs: true, readOnly: false, mode: 0o700 },
      { kind: 'ephemeral', name: 'tmp', target: '/tmp', tmpfs: true, sizeLimitBytes: 64 * 1024 ** 2, readOnly: false, mode: 0o1777, uid: 10001, gid: 10001 },
    ]);
    expect(service(s, 'proxy').main.security).toEqual({
      user: 'nginx',
      readOnlyRootFilesystem: false,
      capabilities: { add: [], drop: ['MKNOD', 'NET_RAW'] },
      noNewPrivileges: true,
    });
    expect(api.sidecars[0].security).toEqual({ readOnlyRootFilesystem: true, capabilities: { add: [], drop: ['ALL'] }, noNewPrivileges: false });
  });

  test.each([
    ['seccomp=unconfined', "security_opt seccomp=unconfined turns Docker's default seccomp profile off; the model keeps each target's default profile: it is left out."],
    ['seccomp:./profile.json', "security_opt seccomp:./profile.json names a seccomp profile of its own; the model keeps each target's default profile: it is left out."],
    ['apparmor=unconfined', "security_opt apparmor=unconfined names an AppArmor profile; the model has none, so the host's default profile applies: it is left out."],
    ['label:disable', "security_opt label:disable sets an SELinux label; the model has none, so the host's default labelling applies: it is left out."],
    ['systempaths=unconfined', 'security_opt systempaths=unconfined unmasks the kernel\'s system paths; the model keeps them masked: it is left out.'],
    ['mask=/proc/kcore', 'security_opt mask=/proc/kcore has no equivalent in the model: it is left out.'],
  ])('GIVEN security_opt %s THEN one precise warning, and no-new-privileges beside it is kept', (option, message) => {
    const imported = importText(`services:\n  web:\n    image: nginx:1.27\n    restart: always\n    security_opt: ["${option}", no-new-privileges]\n`);
    expect(imported.diagnostics.map((d) => [d.code, d.severity, d.keyPath, d.message])).toEqual([['import/unsupported-value', 'warning', 'services.web.security_opt[0]', message]]);
    expect(service(spec(imported), 'web').main.security.noNewPrivileges).toBe(true);
  });

  test('GIVEN a tmpfs mode that is not octal and a uid that is a name THEN each is a warning and left out', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    tmpfs: ["/tmp:mode=rwx,uid=app"]\n');
    expect(imported.diagnostics.map((d) => d.message)).toEqual([
      'tmpfs mode rwx is not octal permission bits: it is left out.',
      'tmpfs uid app is not a numeric id: it is left out.',
    ]);
    expect(service(spec(imported), 'web').main.mounts[0]).toEqual({ kind: 'ephemeral', name: 'tmp', target: '/tmp', tmpfs: true, readOnly: false });
  });

  test('GIVEN an unknown capability THEN the model refuses it, with where the file says it', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    cap_add: [NET_SUPERPOWER]\n');
    expect(imported.diagnostics.map((d) => [d.code, d.path])).toEqual([['import/model-error', expect.stringContaining('services.web')]]);
    expect(imported.diagnostics[0].message).toContain('security.capabilities.add[0]: unknown capability (got "NET_SUPERPOWER")');
  });

  test('GIVEN the hardened file WHEN written as TypeScript THEN the restricted profile is Security.restricted and the rest is written prop by prop', () => {
    const imported = importText(HARDENED);
    const code = writeApp(imported.plan);
    expect(code).toContain("security: Security.restricted({ user: '10001:10001', add: ['NET_BIND_SERVICE'] })");
    expect(code).toContain("security: { user: 'nginx', capabilities: { drop: ['CAP_NET_RAW', 'mknod'] }, noNewPrivileges: true }");
    expect(code).toContain("security: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }");
    expect(code).toContain("Mount.ephemeral('/tmp', { tmpfs: true, sizeLimit: '64m', mode: 0o1777, uid: 10001, gid: 10001 })");
    expect(code).toContain("Mount.ephemeral('/run/api', { tmpfs: true, mode: 0o700 })");
    expect(code).toMatch(/^import \{ [^}]*\bSecurity\b[^}]* \} from '\.\.\/lib\/model';/);
  });
});
