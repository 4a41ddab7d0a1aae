import { Image, Mount, Secret, Service, System } from '../../lib/model';
import { renderCompose } from '../compose/compose-test-kit';
import { renderDocker } from '../docker/docker-test-kit';
import { one, templateOf } from '../ecs/support/ecs-kit';
import { render as renderKubernetes } from '../kubernetes/render';
import { modelErrorOf } from '../model/helpers';
import { renderSwarm } from '../swarm/swarm-test-kit';

/** GIVEN secret db-password read from the project file db/password.txt, as a file and as env. */
function shop(as: 'file' | 'env'): System {
  const sys = new System('shop');
  const pw = new Secret(sys, 'db-password', { file: './db/password.txt', key: 'password' });
  new Service(sys, 'db', {
    image: Image.of('postgres:16.4'),
    ...(as === 'file' ? { mounts: [Mount.secret(pw, '/run/secrets/db-password')] } : { secretEnv: { POSTGRES_PASSWORD: pw } }),
  });
  return sys;
}

describe('Secret file', () => {
  test('GIVEN a secret with a project file WHEN the spec is made THEN the path is kept without ./ and no value is read', () => {
    expect(shop('file').toSpec().secrets[0]).toMatchObject({ name: 'db-password', file: 'db/password.txt' });
  });

  test.each<[string, unknown, string]>([
    ['an absolute path', '/etc/password.txt', 'must be a file inside the project, relative to the project root (got "/etc/password.txt")'],
    ['a path outside the project', '../password.txt', 'must be a file inside the project, relative to the project root (got "../password.txt")'],
    ['a folder', 'db/', 'must be a file inside the project, relative to the project root (got "db/")'],
    ['a number', 7, 'must be a path relative to the project root (got 7)'],
  ])('GIVEN %s WHEN the secret is created THEN it fails with the exact message', (_given, file, problem) => {
    expect(modelErrorOf(() => new Secret(new System('shop'), 'db-password', { file: file as string }))).toBe(
      `shop/db-password file: ${problem}. Write e.g. 'db/password.txt', and keep the file out of version control.`,
    );
  });

  test('GIVEN a secret file WHEN rendered on Compose THEN the top-level secret reads the project file, relative to the output folder', () => {
    const out = renderCompose(shop('file'));
    expect(out.doc.secrets).toEqual({ 'db-password': { file: '../../../db/password.txt' } });
    expect(out.yaml).not.toContain('environment: DB_PASSWORD');
  });

  test('GIVEN secret env with a file and Compose secrets in files mode WHEN rendered THEN the secret reads the project file', () => {
    const sys = shop('env');
    const spec = sys.toSpec();
    const out = renderCompose({ ...spec, options: { ...spec.options, compose: { ...spec.options.compose, secrets: 'files' } } });
    expect(out.doc.secrets).toEqual({ 'db-password': { file: '../../../db/password.txt' } });
    expect(out.diagnostics.find((d) => d.code === 'compose/secret-file')?.fix).toContain('Put the value of secret db-password in db/password.txt');
  });

  test('GIVEN a secret file WHEN rendered on Swarm THEN docker stack deploy creates the secret from the file: no external secret to create', () => {
    const out = renderSwarm(shop('file'));
    expect(out.doc.secrets).toEqual({ 'db-password': { file: '../../../db/password.txt' } });
    expect(out.codes).not.toContain('swarm/secret-external');
    expect(out.diagnostics.filter((d) => d.code === 'swarm/secret-from-file').map((d) => [d.severity, d.path, d.message, d.fix])).toEqual([
      [
        'info',
        'shop/db-password file',
        'secret db-password is created as the Swarm secret shop_db-password from db/password.txt at the first `docker stack deploy`; a Swarm secret cannot change, so a later deploy with another value in the file fails.',
        'To change the value, remove the stack, then `docker secret rm shop_db-password`, and deploy again.',
      ],
    ]);
  });

  test('GIVEN secret env with a file WHEN rendered on Swarm THEN the stack secret is read from the file', () => {
    const out = renderSwarm(shop('env'));
    expect(out.doc.secrets).toEqual({ 'db-password': { file: '../../../db/password.txt' } });
  });

  test('GIVEN a secret file WHEN rendered as a docker script THEN the script copies the file at run time and needs no variable', () => {
    const out = renderDocker(shop('file'));
    expect(out.script).toContain('(umask 0377 && cat -- "$root"/db/password.txt >"$lading_files"/db-0)');
    expect(out.script).not.toContain('DB_PASSWORD');
  });

  test('GIVEN secret env with a file WHEN rendered as a docker script THEN the variable is read from the file, which is checked first', () => {
    const out = renderDocker(shop('env'));
    expect(out.script).toContain('  cat -- "$root"/db/password.txt >/dev/null\n');
    expect(out.script).toContain('POSTGRES_PASSWORD="$(cat -- "$root"/db/password.txt)"');
    expect(out.script).not.toContain('DB_PASSWORD:?');
  });

  test('GIVEN a secret file WHEN rendered on Kubernetes THEN the Secret must still exist, and the fix creates it from the file', () => {
    const d = renderKubernetes(shop('file')).diagnostics.find((x) => x.code === 'kubernetes/secret-required');
    expect(d?.fix).toBe('kubectl create secret generic db-password --from-file=password=db/password.txt (in the project root)');
  });

  test('GIVEN a secret file WHEN rendered on ECS THEN the generated secret says how to set its value from the file', () => {
    const secret = one(templateOf(shop('file').toSpec()), 'AWS::SecretsManager::Secret');
    expect(secret.Properties.Description).toBe(
      'shop/db-password: generated by the stack; set the real value with aws secretsmanager put-secret-value --secret-string file://db/password.txt (in the project root)',
    );
  });
});
