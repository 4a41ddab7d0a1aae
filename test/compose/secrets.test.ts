import { type ExistingSecretName, Image, Secret, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

function shop(secrets: 'env' | 'files', existingName?: string): System {
  const sys = new System('shop', { targetOptions: { compose: { secrets } } });
  const pw = new Secret(sys, 'db-password', existingName ? { existingName } : {});
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), env: { POSTGRES_DB: 'shop' }, secretEnv: { POSTGRES_PASSWORD: pw } });
  return sys;
}

describe('compose secrets', () => {
  test('GIVEN secret env in env mode WHEN rendered THEN a required interpolation of the secret variable, never a value', () => {
    const out = renderCompose(shop('env'));
    expect(serviceBlock(out, 'db')).toContain(
      '    environment:\n      POSTGRES_DB: shop\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD to the value of secret db-password}\n',
    );
    expect(out.doc.secrets).toBeUndefined();
    expect(out.codes).toEqual([]);
  });

  test('GIVEN secret env in files mode WHEN rendered THEN compose secrets mounted under /run/secrets, and compose/secret-file', () => {
    const out = renderCompose(shop('files'));
    expect(serviceBlock(out, 'db')).toContain('    secrets:\n      - source: db-password\n        target: POSTGRES_PASSWORD\n');
    expect(out.doc.services.db.environment).toEqual({ POSTGRES_DB: 'shop' });
    expect(out.yaml).toContain('secrets:\n  db-password:\n    file: ../../../secrets/db-password\n');
    expect(withCode(out, 'compose/secret-file')).toEqual([
      {
        code: 'compose/secret-file',
        severity: 'warning',
        path: 'shop/db secretEnv.POSTGRES_PASSWORD',
        target: 'compose',
        message: 'the container gets the file /run/secrets/POSTGRES_PASSWORD, not the environment variable POSTGRES_PASSWORD.',
        fix: "Make the program read /run/secrets/POSTGRES_PASSWORD (many images take POSTGRES_PASSWORD_FILE=/run/secrets/POSTGRES_PASSWORD), or set the Compose option secrets to 'env'. Put the value of secret db-password in secrets/db-password, kept out of version control.",
      },
    ]);
  });

  test('GIVEN a secret that names an existing store entry WHEN rendered THEN compose/secret-existing-name says where the value comes from', () => {
    const env = renderCompose(shop('env', 'prod/db'));
    expect(withCode(env, 'compose/secret-existing-name')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'shop/db-password existingName',
        message: 'Compose has no secret store: the value comes from the environment variable DB_PASSWORD of the deploying host, not from prod/db.',
      }),
    ]);
    const files = renderCompose(shop('files', 'prod/db'));
    expect(withCode(files, 'compose/secret-existing-name')[0].message).toBe(
      'Compose has no secret store: the value comes from the file secrets/db-password, not from prod/db.',
    );
  });

  test('GIVEN existing names per target WHEN rendered THEN the note names the Compose name, else the default, and none without either', () => {
    const named = (existingName: ExistingSecretName) => {
      const sys = new System('shop');
      const pw = new Secret(sys, 'db-password', { existingName });
      new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
      return withCode(renderCompose(sys), 'compose/secret-existing-name').map((d) => d.message);
    };
    expect(named({ default: 'db_password', compose: 'local-db' })).toEqual([
      'Compose has no secret store: the value comes from the environment variable DB_PASSWORD of the deploying host, not from local-db.',
    ]);
    expect(named({ default: 'db_password', kubernetes: 'db-password' })).toEqual([
      'Compose has no secret store: the value comes from the environment variable DB_PASSWORD of the deploying host, not from db_password.',
    ]);
    expect(named({ kubernetes: 'db-password' })).toEqual([]);
  });

  test('GIVEN a secret used only for registry credentials in files mode WHEN rendered THEN no top-level secret and no secret env', () => {
    const sys = new System('shop', { targetOptions: { compose: { secrets: 'files' } } });
    const token = new Secret(sys, 'ghcr-token', { existingName: 'ci/ghcr' });
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0', { credentials: token }) });
    const out = renderCompose(sys);
    expect(out.doc.secrets).toBeUndefined();
    expect(out.codes).toEqual(['compose/registry-credentials']);
  });
});
