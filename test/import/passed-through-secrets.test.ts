import { importProject } from './support/import-project';

const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16.4',
  '    restart: always',
  '    environment:',
  '      - POSTGRES_USER',
  '      - POSTGRES_PASSWORD',
  '  app:',
  '    image: example/app:1.0',
  '    restart: always',
  '    environment:',
  '      DB_USER: ${POSTGRES_USER}',
  '      DB_PASSWORD: ${POSTGRES_PASSWORD}',
  '',
].join('\n');

describe('a secret passed through by name (- POSTGRES_PASSWORD)', () => {
  test('GIVEN .env holds it WHEN imported THEN it is the same Secret as ${POSTGRES_PASSWORD} elsewhere, not the plain value', () => {
    const imported = importProject(COMPOSE, { '.env': 'POSTGRES_USER=app\nPOSTGRES_PASSWORD=s3cret\n' });
    const [db, app] = imported.plan.workloads;
    expect([db.container.env, db.container.secretEnv]).toEqual([{ POSTGRES_USER: 'app' }, { POSTGRES_PASSWORD: 'postgres-password' }]);
    expect(app.container.secretEnv).toEqual({ DB_PASSWORD: 'postgres-password' });
    expect(JSON.stringify(imported.system!.toSpec())).not.toContain('s3cret');
    expect(imported.diagnostics.find((d) => d.keyPath === 'services.db.environment[1]')?.message).toBe(
      'POSTGRES_PASSWORD reads POSTGRES_PASSWORD, which holds a secret: it becomes secret postgres-password, and its value enters no output.',
    );
  });

  test('GIVEN it is set nowhere WHEN imported THEN it is left out as Compose leaves it unset, and said so', () => {
    const imported = importProject(COMPOSE, {});
    expect(imported.plan.workloads[0].container.secretEnv).toEqual({});
    expect(imported.diagnostics.find((d) => d.keyPath === 'services.db.environment[1]')?.message).toContain('it is not set here, so it is left out');
  });
});
