import { importProject as importFrom } from './support/import-project';
import { writeApp } from '../../lib/import/typescript';
import { render } from '../kubernetes/render';

/** Imports a compose text from a fresh project folder holding `files`. */
function importProject(compose: string, files: Record<string, string>) {
  return importFrom(compose, files, 'proxy');
}

const NGINX = 'events {}\nhttp { server { listen 80; } }\n';

describe('importing binds of project files', () => {
  test('GIVEN ./nginx.conf:/etc/nginx/nginx.conf:ro WHEN imported THEN a ConfigFile the Kubernetes output mounts, with no kubernetes/relative-bind warning', () => {
    const imported = importProject('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n', { 'nginx.conf': NGINX });
    expect(imported.plan.configFiles).toEqual([{ id: 'nginx-conf', file: 'nginx.conf' }]);
    expect(imported.plan.ecsLaunchType).toBeUndefined();
    const r = render(imported.system!);
    expect(r.codes).not.toContain('kubernetes/relative-bind');
    expect(r.container('web').volumeMounts).toEqual([{ mountPath: '/etc/nginx/nginx.conf', name: expect.any(String), readOnly: true, subPath: 'nginx.conf' }]);
    expect(r.get('ConfigMap', 'nginx-conf').data).toEqual({ 'nginx.conf': NGINX });
    expect(writeApp(imported.plan)).toContain("const nginxConf = new ConfigFile(app, 'nginx-conf', { file: 'nginx.conf' });");
    expect(writeApp(imported.plan)).toContain("Mount.config(nginxConf, '/etc/nginx/nginx.conf')");
  });

  test('GIVEN a small folder bound read-only and one bound read-write that holds a database WHEN imported THEN the first is a ConfigFile, the second stays a bind', () => {
    const imported = importProject(
      'services:\n  app:\n    image: busybox:1.36\n    volumes:\n      - ./conf:/etc/app:ro\n      - ./data:/var/lib/app\n',
      { 'conf/a.conf': 'a', 'conf/b/c.conf': 'c', 'data/app.db': 'x' },
    );
    expect(imported.plan.configFiles).toEqual([{ id: 'conf', file: 'conf' }]);
    expect(imported.plan.workloads[0].container.mounts).toEqual([
      { kind: 'config', configFile: 'conf', target: '/etc/app', readOnly: true },
      { kind: 'bind', source: './data', target: '/var/lib/app', readOnly: false },
    ]);
  });

  test('GIVEN a writable bind of a project file (./nginx.conf without :ro) WHEN imported THEN a ConfigFile, read-only, the Kubernetes output mounts, and an info that says a container writing there fails', () => {
    const imported = importProject('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf\n', { 'nginx.conf': NGINX });
    expect(imported.plan.configFiles).toEqual([{ id: 'nginx-conf', file: 'nginx.conf' }]);
    expect(imported.plan.workloads[0].container.mounts).toEqual([{ kind: 'config', configFile: 'nginx-conf', target: '/etc/nginx/nginx.conf', readOnly: true }]);
    expect(imported.plan.ecsLaunchType).toBeUndefined();
    const info = imported.diagnostics.find((d) => d.code === 'import/config-read-only')!;
    expect([info.severity, info.keyPath, info.line, info.message]).toEqual([
      'info',
      'services.web.volumes[0]',
      5,
      './nginx.conf is bound writable; it is imported as config file nginx-conf, read-only in the container on every target: a container that writes to /etc/nginx/nginx.conf fails with a read-only file system.',
    ]);
    expect(info.fix).toBe('If it must write there, make /etc/nginx/nginx.conf a volume and copy the file in at the start; else add :ro to the bind.');
    const r = render(imported.system!);
    expect(r.codes).not.toContain('kubernetes/relative-bind');
    expect(r.get('ConfigMap', 'nginx-conf').data).toEqual({ 'nginx.conf': NGINX });
    expect(r.container('web').volumeMounts).toEqual([{ mountPath: '/etc/nginx/nginx.conf', name: expect.any(String), readOnly: true, subPath: 'nginx.conf' }]);
  });

  test('GIVEN a writable bind of a project folder with content (long syntax) WHEN imported THEN a ConfigFile folder with every file, and the info names the folder', () => {
    const imported = importProject(
      'services:\n  temporal:\n    image: temporalio/auto-setup:1.22\n    volumes:\n      - type: bind\n        source: ./dynamicconfig\n        target: /etc/temporal/config/dynamicconfig\n',
      { 'dynamicconfig/development.yaml': 'limit.maxIDLength:\n  - value: 255\n', 'dynamicconfig/extra/more.yaml': 'x: 1\n' },
    );
    expect(imported.plan.configFiles).toEqual([{ id: 'dynamicconfig', file: 'dynamicconfig' }]);
    expect(imported.plan.workloads[0].container.mounts).toEqual([{ kind: 'config', configFile: 'dynamicconfig', target: '/etc/temporal/config/dynamicconfig', readOnly: true }]);
    expect(imported.diagnostics.filter((d) => d.code === 'import/config-read-only').map((d) => [d.keyPath, d.fix])).toEqual([
      ['services.temporal.volumes[0]', 'If it must write there, make /etc/temporal/config/dynamicconfig a volume and copy the files in at the start; else add :ro to the bind.'],
    ]);
    const spec = imported.system!.toSpec();
    expect(spec.configFiles.find((c) => c.name === 'dynamicconfig')!.files.map((f) => f.name)).toEqual(['development.yaml', 'extra/more.yaml']);
  });

  test.each([
    ['a database file', './app.db:/data/app.db', { 'app.db': 'SQLite format 3' }],
    ['a SQLite file', './store/data.sqlite3:/var/lib/app/data.sqlite3', { 'store/data.sqlite3': 'SQLite format 3' }],
    ["Traefik's certificate store", './acme.json:/acme.json', { 'acme.json': '{}' }],
    ['a pid file', './run/app.pid:/var/run/app.pid', { 'run/app.pid': '1' }],
    ['a lock file', './app.lock:/srv/app.lock', { 'app.lock': '' }],
    ['a folder that holds a database', './state:/var/lib/app', { 'state/settings.ini': 'a=1', 'state/cache.db': 'x' }],
    ['a folder where a program keeps its data (/var/lib)', './mysql:/var/lib/mysql', { 'mysql/seed.sql': 'CREATE TABLE t (id INT);' }],
    ['a file where a program logs (/var/log)', './app-log.txt:/var/log/app.txt', { 'app-log.txt': 'started' }],
    ['a socket path', './docker.sock.conf:/var/run/docker.sock', { 'docker.sock.conf': 'x' }],
    ['a device path', './tty.conf:/dev/ttyUSB0', { 'tty.conf': 'x' }],
  ])('GIVEN a writable bind of %s WHEN imported THEN it stays a bind, with no config-read-only info', (_what, bind, files) => {
    const imported = importProject(`services:\n  app:\n    image: busybox:1.36\n    volumes:\n      - ${bind}\n`, files);
    expect(imported.plan.configFiles).toBeUndefined();
    expect(imported.plan.workloads[0].container.mounts.map((m) => m.kind)).toEqual(['bind']);
    expect(imported.diagnostics.map((d) => d.code)).not.toContain('import/config-read-only');
  });

  test('GIVEN a project file two services bind writable WHEN imported THEN it stays a bind in both (state they share), while a read-only bind of it in a third is a config file', () => {
    const imported = importProject(
      'services:\n  a:\n    image: busybox:1.36\n    volumes:\n      - ./shared.json:/srv/shared.json\n  b:\n    image: busybox:1.36\n    volumes:\n      - ./shared.json:/opt/shared.json\n  c:\n    image: busybox:1.36\n    volumes:\n      - ./shared.json:/etc/shared.json:ro\n',
      { 'shared.json': '{"n":1}' },
    );
    expect(imported.plan.workloads.map((w) => [w.id, w.container.mounts[0].kind])).toEqual([['a', 'bind'], ['b', 'bind'], ['c', 'config']]);
    expect(imported.diagnostics.map((d) => d.code)).not.toContain('import/config-read-only');
  });

  test('GIVEN writable binds of a file and a folder over the 1 MiB a ConfigMap holds WHEN imported THEN both stay binds; at the limit the file is a config file', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const imported = importProject(
      'services:\n  app:\n    image: busybox:1.36\n    volumes:\n      - ./big.txt:/srv/big.txt\n      - ./bigdir:/srv/bigdir\n      - ./edge.txt:/srv/edge.txt\n',
      { 'big.txt': big, 'bigdir/a.txt': big.slice(2), 'bigdir/b.txt': 'yy', 'edge.txt': big.slice(1) },
    );
    expect(imported.plan.workloads[0].container.mounts.map((m) => m.kind)).toEqual(['bind', 'bind', 'config']);
    expect(imported.plan.configFiles).toEqual([{ id: 'edge-txt', file: 'edge.txt' }]);
  });

  test('GIVEN writable binds into an image the project builds, of a folder the build COPYs and of one it does not WHEN imported THEN both stay binds: code the image carries, and the source tree the container works on', () => {
    const imported = importProject(
      'services:\n  api:\n    build: .\n    volumes:\n      - ./src:/app/src\n      - ./notes:/workspace/notes\n',
      { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY src ./src\n', 'src/index.js': 'console.log(1)\n', 'notes/plan.md': '- a\n' },
    );
    expect(imported.plan.configFiles).toBeUndefined();
    expect(imported.plan.workloads[0].container.mounts).toEqual([
      { kind: 'bind', source: './src', target: '/app/src', readOnly: false, inImage: true },
      { kind: 'bind', source: './notes', target: '/workspace/notes', readOnly: false },
    ]);
    expect(imported.diagnostics.map((d) => d.code)).not.toContain('import/config-read-only');
  });

  test('GIVEN a bind of a missing file WHEN imported THEN it stays a bind', () => {
    const imported = importProject('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./missing.conf:/etc/x.conf:ro\n', {});
    expect(imported.plan.configFiles).toBeUndefined();
    expect(imported.plan.workloads[0].container.mounts[0].kind).toBe('bind');
  });
});

describe('importing configs', () => {
  test('GIVEN top-level configs from a file and from content, and services using them in short and long syntax WHEN imported THEN config mounts at the targets with their modes', () => {
    const imported = importProject(
      [
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    configs:',
        '      - site',
        '      - source: app',
        '        target: /etc/app.conf',
        '        mode: 0440',
        'configs:',
        '  site:',
        '    file: ./site.conf',
        '  app:',
        '    content: "level = debug"',
        '',
      ].join('\n'),
      { 'site.conf': 'server {}\n' },
    );
    expect(imported.plan.configFiles).toEqual([{ id: 'app', content: 'level = debug' }, { id: 'site', file: 'site.conf' }]);
    expect(imported.plan.workloads[0].container.mounts).toEqual([
      { kind: 'config', configFile: 'site', target: '/site', readOnly: true },
      { kind: 'config', configFile: 'app', target: '/etc/app.conf', readOnly: true, mode: 0o440 },
    ]);
    expect(imported.system!.toSpec().services[0].main.files.map((f) => [f.source, f.target, f.mode])).toEqual([
      ['site', '/site', 0o444],
      ['app', '/etc/app.conf', 0o440],
    ]);
    expect(writeApp(imported.plan)).toContain("Mount.config(appConfigFile, '/etc/app.conf', { mode: 0o440 })");
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['import/restart-default']);
  });

  test('GIVEN an external config, an undeclared one, a uid and a bad mode WHEN imported THEN each is reported and left out', () => {
    const imported = importProject(
      [
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    configs:',
        '      - source: ext',
        '        uid: "101"',
        '      - nowhere',
        '      - source: ext',
        '        mode: 0999',
        'configs:',
        '  ext:',
        '    external: true',
        '',
      ].join('\n'),
      {},
    );
    expect(imported.diagnostics.filter((d) => d.code !== 'import/restart-default').map((d) => `${d.code} ${d.keyPath}: ${d.message}`).sort()).toEqual([
      'import/unsupported-key configs.ext.external: external has no equivalent in the model: it is left out.',
      'import/unsupported-key services.web.configs[0].uid: uid has no equivalent in the model: it is left out.',
      'import/unsupported-value services.web.configs[0]: config ext is not declared with a file or content under the top-level configs: it is left out.',
      'import/unsupported-value services.web.configs[1]: config nowhere is not declared with a file or content under the top-level configs: it is left out.',
      'import/unsupported-value services.web.configs[2].mode: mode 0999 is not permission bits: it is left out.',
      'import/unsupported-value services.web.configs[2]: config ext is not declared with a file or content under the top-level configs: it is left out.',
    ]);
  });
});

describe('importing secrets read as files', () => {
  test('GIVEN a secret whose file is not named like a variable, and one at an absolute target with a mode WHEN imported THEN both are secret files at their paths', () => {
    const imported = importProject(
      [
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment:',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db-password',
        '    secrets:',
        '      - db-password',
        '      - source: tls-key',
        '        target: /etc/tls/key.pem',
        '        mode: 0400',
        '      - source: tls-key',
        '        target: /etc/tls/other.pem',
        '        mode: 0999',
        'secrets:',
        '  db-password:',
        '    file: ./secrets/db-password',
        '  tls-key:',
        '    file: ./secrets/tls-key',
        '',
      ].join('\n'),
      {},
    );
    expect(imported.plan.workloads[0].container.mounts).toEqual([
      { kind: 'secret', secret: 'db-password', target: '/run/secrets/db-password', readOnly: true },
      { kind: 'secret', secret: 'tls-key', target: '/etc/tls/key.pem', readOnly: true, mode: 0o400 },
      { kind: 'secret', secret: 'tls-key', target: '/etc/tls/other.pem', readOnly: true },
    ]);
    expect(imported.plan.workloads[0].container.secretEnv).toEqual({});
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.keyPath}: ${d.message}`)).toEqual([
      'services.db.secrets[2].mode: mode 0999 is not permission bits: it is left out.',
    ]);
    const files = imported.system!.toSpec().services[0].main.files;
    expect(files.map((f) => [f.kind, f.source, f.target, f.mode])).toEqual([
      ['secret', 'db-password', '/run/secrets/db-password', 0o444],
      ['secret', 'tls-key', '/etc/tls/key.pem', 0o400],
      ['secret', 'tls-key', '/etc/tls/other.pem', 0o444],
    ]);
    expect(writeApp(imported.plan)).toContain("Mount.secret(tlsKey, '/etc/tls/key.pem', { mode: 0o400 })");
  });
});
