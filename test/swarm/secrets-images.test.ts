import { Image, Secret, Service, System } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

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
        fix: 'Make the program read /run/secrets/POSTGRES_PASSWORD (many images take POSTGRES_PASSWORD_FILE=/run/secrets/POSTGRES_PASSWORD).',
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

  test('GIVEN a secret with an existing name WHEN rendered THEN the external secret has that name', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password', { existingName: 'prod-db' });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    const out = renderSwarm(sys);
    expect(out.doc.secrets).toEqual({ 'db-password': { external: true, name: 'prod-db' } });
    expect(withCode(out, 'swarm/secret-external').map((d) => d.path)).toEqual(['shop/db-password existingName']);
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
