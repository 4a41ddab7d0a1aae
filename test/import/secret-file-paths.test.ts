import { importProject } from './support/import-project';
import { render } from '../kubernetes/render';

/** A service whose secrets are named like variables; `env` and `command` say where it reads them. */
const compose = (env: string[], command = '', envFile = false) =>
  [
    'services:',
    '  db:',
    '    image: postgres:16.4',
    '    restart: always',
    ...(env.length > 0 ? ['    environment:', ...env.map((e) => `      ${e}`)] : []),
    ...(envFile ? ['    env_file: db.env'] : []),
    ...(command ? [`    command: ${command}`] : []),
    '    secrets:',
    '      - db_password',
    '      - api_token',
    'secrets:',
    '  db_password:',
    '    file: ./secrets/db_password',
    '  api_token:',
    '    file: ./secrets/api_token',
    '',
  ].join('\n');

const FILES = { 'secrets/db_password': 'pw\n', 'secrets/api_token': 'tok\n', 'db.env': 'POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n' };

describe('a secret whose file the service names stays a file on every target', () => {
  test('GIVEN POSTGRES_PASSWORD_FILE=/run/secrets/db_password WHEN imported THEN db_password is a secret file there; api_token, never named, stays secret env', () => {
    const imported = importProject(compose(['POSTGRES_PASSWORD_FILE: /run/secrets/db_password']), FILES);
    const c = imported.plan.workloads[0].container;
    expect(c.mounts).toEqual([{ kind: 'secret', secret: 'db-password', target: '/run/secrets/db_password', readOnly: true }]);
    expect(c.secretEnv).toEqual({ api_token: 'api-token' });
    // Kubernetes mounts the Secret at the path postgres reads, instead of a variable it never reads
    const manifest = render(imported.system!).yaml;
    expect(manifest).toContain('mountPath: /run/secrets/db_password');
    expect(manifest).not.toMatch(/name: db_password\n\s+valueFrom/);
  });

  test('GIVEN the path in an env_file, or in the command WHEN imported THEN the secret is a file too', () => {
    expect(importProject(compose([], '', true), FILES).plan.workloads[0].container.mounts).toEqual([
      { kind: 'secret', secret: 'db-password', target: '/run/secrets/db_password', readOnly: true },
    ]);
    const byCommand = importProject(compose([], '["sh", "-c", "API_TOKEN=$$(cat /run/secrets/api_token) exec postgres"]'), FILES);
    expect(byCommand.plan.workloads[0].container.mounts.map((m) => (m.kind === 'secret' ? m.target : m.kind))).toEqual(['/run/secrets/api_token']);
  });

  test('GIVEN only a longer path that starts with the secret path WHEN imported THEN the secret stays secret env', () => {
    const imported = importProject(compose(['OLD_FILE: /run/secrets/db_password_old']), FILES);
    expect(imported.plan.workloads[0].container.secretEnv).toEqual({ db_password: 'db-password', api_token: 'api-token' });
  });
});
