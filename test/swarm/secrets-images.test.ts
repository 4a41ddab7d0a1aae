import { parse } from 'yaml';
import { type ExistingSecretName, Image, Mount, Secret, Service, System } from '../../lib/model';
import { stackConfig } from '../support/swarm-validators';
import { renderSwarm, withCode } from './swarm-test-kit';

/** A shop whose db reads its password as secret env, with the Swarm option secrets as given. */
function shop(secrets?: 'env' | 'files'): { sys: System; pw: Secret } {
  const sys = new System('shop', secrets ? { targetOptions: { swarm: { secrets } } } : {});
  const pw = new Secret(sys, 'db-password');
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), env: { POSTGRES_DB: 'shop' }, secretEnv: { POSTGRES_PASSWORD: pw } });
  return { sys, pw };
}

describe('swarm secrets and images', () => {
  test('GIVEN secret env WHEN rendered THEN an external Swarm secret mounted as a file, never a value, with the command that creates it', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), env: { POSTGRES_DB: 'shop' }, secretEnv: { POSTGRES_PASSWORD: pw } });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toEqual({ 'db-password': { external: true, name: 'shop_db-password' } });
    expect(out.doc.services.db.secrets).toEqual([{ source: 'db-password', target: 'POSTGRES_PASSWORD' }]);
    expect(out.doc.services.db.environment).toEqual({ POSTGRES_DB: 'shop' });
    expect(out.diagnostics).toEqual([
      {
        code: 'swarm/secret-file',
        severity: 'warning',
        path: 'shop/db secretEnv.POSTGRES_PASSWORD',
        target: 'swarm',
        message: 'the container gets the file /run/secrets/POSTGRES_PASSWORD, not the environment variable POSTGRES_PASSWORD.',
        fix: "Make the program read /run/secrets/POSTGRES_PASSWORD (many images take POSTGRES_PASSWORD_FILE=/run/secrets/POSTGRES_PASSWORD), or set the Swarm option secrets to 'env'.",
      },
      {
        code: 'swarm/secret-external',
        severity: 'info',
        path: 'shop/db-password',
        target: 'swarm',
        message: 'secret db-password is the external Swarm secret shop_db-password, which must exist before `docker stack deploy`.',
        fix: 'Create it once on a manager: `printf \'%s\' "$DB_PASSWORD" | docker secret create shop_db-password -`.',
      },
    ]);
  });

  test("GIVEN the Swarm option secrets: 'files' WHEN rendered THEN it is the default's stack file", () => {
    expect(renderSwarm(shop('files').sys).yaml).toBe(renderSwarm(shop().sys).yaml);
  });

  test("GIVEN secret env with the Swarm option secrets: 'env' WHEN rendered THEN a required variable in environment, no Swarm secret, and swarm/secret-env", () => {
    const out = renderSwarm(shop('env').sys);
    expect(out.yaml).toContain('POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD before docker stack deploy}');
    expect(out.doc.services.db.environment).toEqual({ POSTGRES_DB: 'shop', POSTGRES_PASSWORD: '${DB_PASSWORD:?set DB_PASSWORD before docker stack deploy}' });
    expect(out.doc.services.db.secrets).toBeUndefined();
    expect(out.doc.secrets).toBeUndefined();
    expect(out.diagnostics).toEqual([
      {
        code: 'swarm/secret-env',
        severity: 'info',
        path: 'shop/db secretEnv.POSTGRES_PASSWORD',
        target: 'swarm',
        message:
          'the container gets POSTGRES_PASSWORD from the variable DB_PASSWORD of the shell that runs `docker stack deploy`; the value is part of the service spec, visible to `docker service inspect`.',
        fix: "To keep it out of the service spec, set the Swarm option secrets to 'files': the program then reads the file /run/secrets/POSTGRES_PASSWORD.",
      },
    ]);
  });

  test("GIVEN the Swarm option secrets: 'env' WHEN docker stack config reads the stack file THEN the deploying shell's value reaches the service, and an unset variable stops it", () => {
    const { yaml } = renderSwarm(shop('env').sys);
    const set = stackConfig(yaml, process.env.PATH, { DB_PASSWORD: 's3cret' });
    expect([set.status, set.stderr]).toEqual([0, '']);
    expect(parse(set.stdout).services.db.environment).toEqual({ POSTGRES_DB: 'shop', POSTGRES_PASSWORD: 's3cret' });
    const unset = stackConfig(yaml, process.env.PATH, {});
    expect(unset.status).not.toBe(0);
    expect(unset.stderr).toContain('set DB_PASSWORD before docker stack deploy');
  });

  test("GIVEN the Swarm option secrets: 'env' and a secret some container also mounts as a file WHEN rendered THEN that secret is still a top-level Swarm secret, for the file only", () => {
    const { sys, pw } = shop('env');
    new Service(sys, 'backup', { image: Image.of('postgres:16.4'), mounts: [Mount.secret(pw, '/run/secrets/pgpass')] });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toEqual({ 'db-password': { external: true, name: 'shop_db-password' } });
    expect(out.doc.services.backup.secrets).toEqual([expect.objectContaining({ source: 'db-password', target: '/run/secrets/pgpass' })]);
    expect(out.doc.services.db.secrets).toBeUndefined();
    expect(out.doc.services.db.environment.POSTGRES_PASSWORD).toMatch(/^\$\{DB_PASSWORD:\?/);
  });

  test("GIVEN a secret with an existing name and the Swarm option secrets: 'env' WHEN rendered THEN swarm/secret-env says the value is not read from that Swarm secret", () => {
    const sys = new System('shop', { targetOptions: { swarm: { secrets: 'env' } } });
    const pw = new Secret(sys, 'db-password', { existingName: 'prod-db' });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toBeUndefined();
    expect(withCode(out, 'swarm/secret-env').map((d) => d.message)).toEqual([
      'the container gets POSTGRES_PASSWORD from the variable DB_PASSWORD of the shell that runs `docker stack deploy`, not from the Swarm secret prod-db; the value is part of the service spec, visible to `docker service inspect`.',
    ]);
  });

  test('GIVEN a secret with an existing name WHEN rendered THEN the external secret has that name', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password', { existingName: 'prod-db' });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toEqual({ 'db-password': { external: true, name: 'prod-db' } });
    expect(withCode(out, 'swarm/secret-external').map((d) => d.path)).toEqual(['shop/db-password existingName']);
  });

  test('GIVEN existing names per target WHEN rendered THEN the external secret has the Swarm name, else the default, else the stack name', () => {
    const sys = new System('shop');
    const users = new Secret(sys, 'traefik-users', { existingName: { default: 'traefik_users', kubernetes: 'traefik-users', swarm: 'traefik_users.v2' } });
    const pw = new Secret(sys, 'db-password', { existingName: { default: 'db_password', kubernetes: 'db-password' } });
    const token = new Secret(sys, 'token', { existingName: { ecs: 'prod/token' } });
    new Service(sys, 'proxy', { image: Image.of('traefik:3.1'), secretEnv: { USERS: users, DB_PASSWORD: pw, TOKEN: token } });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toEqual({
      'db-password': { external: true, name: 'db_password' },
      token: { external: true, name: 'shop_token' },
      'traefik-users': { external: true, name: 'traefik_users.v2' },
    });
    expect(withCode(out, 'swarm/secret-external').map((d) => d.path)).toEqual(['shop/db-password existingName', 'shop/token', 'shop/traefik-users existingName']);
  });

  test('GIVEN an existing name that cannot name a Swarm secret WHEN rendered THEN swarm/secret-name is an error with a Swarm name to give, and a Swarm name of its own clears it', () => {
    const render = (existingName: ExistingSecretName) => {
      const sys = new System('shop');
      const key = new Secret(sys, 'api-key', { existingName });
      new Service(sys, 'api', { image: Image.of('api:1.0'), secretEnv: { API_KEY: key } });
      return renderSwarm(sys);
    };
    const out = render('prod/api-key');
    expect(withCode(out, 'swarm/secret-name')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'shop/api-key existingName',
        message: "a Swarm secret cannot be named \"prod/api-key\": names are at most 64 letters, digits, '_', '.' and '-', a letter or digit at both ends, so `docker stack deploy` refuses the stack",
        fix: "Give the Swarm secret a name of its own: existingName: { default: 'prod/api-key', swarm: 'prod_api-key' }.",
      }),
    ]);
    expect(withCode(render({ default: 'prod/api-key', swarm: 'prod_api-key' }), 'swarm/secret-name')).toEqual([]);
  });

  test('GIVEN registry credentials WHEN rendered THEN the note swarm/registry-credentials says docker login and --with-registry-auth', () => {
    const sys = new System('shop');
    const login = new Secret(sys, 'ghcr');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0', { credentials: login }) });
    const out = renderSwarm(sys);
    expect(out.doc.services.api.image).toBe('ghcr.io/example/api:1.0');
    expect(out.doc.secrets).toBeUndefined();
    expect(withCode(out, 'swarm/registry-credentials')).toEqual([
      {
        code: 'swarm/registry-credentials',
        severity: 'info',
        path: 'shop/api image',
        target: 'swarm',
        message:
          "the registry credentials of ghcr.io/example/api:1.0 (secret ghcr) are not in the stack file: `docker stack deploy --with-registry-auth` hands the manager's login to every node that pulls it.",
        fix: 'Run `docker login ghcr.io` on the manager, then `docker stack deploy --with-registry-auth -c stack.yaml shop`.',
      },
    ]);
  });

  test('GIVEN an image built from a Dockerfile WHEN rendered THEN its tag, no build key, and swarm/build-image with the commands', () => {
    const sys = new System('shop');
    new Service(sys, 'app', { image: Image.build({ context: 'apps/app', dockerfile: 'Dockerfile', args: { NODE_VERSION: '20', LABEL: 'a b' }, tag: 'shop/app:dev' }) });
    const out = renderSwarm(sys);
    expect(out.doc.services.app.image).toBe('shop/app:dev');
    expect(out.doc.services.app.build).toBeUndefined();
    expect(withCode(out, 'swarm/build-image')).toEqual([
      {
        code: 'swarm/build-image',
        severity: 'warning',
        path: 'shop/app image',
        target: 'swarm',
        message: '`docker stack deploy` does not build shop/app:dev from apps/app: every node pulls it from a registry.',
        fix: "Build and push it before deploying, from the project root: `docker build -t shop/app:dev -f apps/app/Dockerfile --build-arg 'LABEL=a b' --build-arg NODE_VERSION=20 apps/app && docker push shop/app:dev`.",
      },
    ]);
  });
});
