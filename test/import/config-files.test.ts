import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompose } from '../../lib/import/compose';
import { writeApp } from '../../lib/import/typescript';
import { render } from '../kubernetes/render';

/** Imports a compose text from a fresh project folder holding `files`. */
function importProject(compose: string, files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-files-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
    return loadCompose({ file: path.join(dir, 'compose.yaml'), projectRoot: dir, env: {}, name: 'proxy' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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

  test('GIVEN a small folder bound read-only and one bound read-write WHEN imported THEN the first is a ConfigFile, the second stays a bind', () => {
    const imported = importProject(
      'services:\n  app:\n    image: busybox:1.36\n    volumes:\n      - ./conf:/etc/app:ro\n      - ./data:/var/lib/app\n',
      { 'conf/a.conf': 'a', 'conf/b/c.conf': 'c', 'data/x': 'x' },
    );
    expect(imported.plan.configFiles).toEqual([{ id: 'conf', file: 'conf' }]);
    expect(imported.plan.workloads[0].container.mounts).toEqual([
      { kind: 'config', configFile: 'conf', target: '/etc/app', readOnly: true },
      { kind: 'bind', source: './data', target: '/var/lib/app', readOnly: false },
    ]);
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
