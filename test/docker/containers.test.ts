import { Image, Job, Secret, Service, System } from '../../lib/model';
import { callsOf, containerCall, flagValues, renderDocker, runScript, withCode } from './docker-test-kit';

const image = Image.of('nginx:1.27');

describe('docker run flags of one container', () => {
  test('GIVEN an image built from a Dockerfile WHEN run THEN docker build -t TAG -f FILE --build-arg CONTEXT comes first, from the project root', () => {
    // GIVEN
    const sys = new System('dev');
    const built = Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile', args: { NODE_VERSION: '20' }, tag: 'dev/box:dev' });
    new Service(sys, 'box', { image: built });
    new Service(sys, 'box2', { image: built });
    const out = renderDocker(sys);
    expect(out.script).toContain('    -f "$root"/apps/devbox/Dockerfile \\\n');
    expect(out.script).toContain('root=$(cd "$(dirname "$0")" && cd ../.. && pwd)\n');
    // WHEN
    const run = runScript(out, [], { checkClient: true });
    // THEN built once, before any container, with absolute paths under the project root
    expect(run.rejected).toEqual([]);
    expect(run.calls[0]).toEqual([
      'build', '-t', 'dev/box:dev', '-f', `${run.root}/apps/devbox/Dockerfile`, '--build-arg', 'NODE_VERSION=20', `${run.root}/apps/devbox`,
    ]);
    expect(callsOf(run, 'build')).toHaveLength(1);
    expect(containerCall(run, 'dev-box').slice(-1)).toEqual(['dev/box:dev']);
  });

  test('GIVEN an image with registry credentials WHEN rendered THEN docker/registry-credentials says to docker login', () => {
    const sys = new System('shop');
    const creds = new Secret(sys, 'ghcr');
    new Service(sys, 'api', { image: Image.of('ghcr.io/example/api:1.0', { credentials: creds }) });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/registry-credentials')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api image',
        message: 'the script cannot use the registry credentials of ghcr.io/example/api:1.0 (secret ghcr).',
        fix: 'Run `docker login ghcr.io` on the host before running the script.',
      }),
    ]);
    expect(out.script).not.toContain('GHCR');
  });

  test('GIVEN an entrypoint of three words, a command, workdir and user WHEN run THEN --entrypoint takes the first word and the others go before the command', () => {
    const sys = new System('shop');
    new Service(sys, 'app', {
      image,
      entrypoint: ['/bin/sh', '-c', 'exec "$0" "$@"'],
      command: ['node', 'server.js'],
      workingDir: '/srv/app',
      security: { user: '1000:1000' },
    });
    const out = renderDocker(sys);
    expect(out.script).toContain(`    nginx:1.27 -c 'exec "$0" "$@"' node server.js\n`);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-app');
    expect(flagValues(call, '--entrypoint')).toEqual(['/bin/sh']);
    expect(flagValues(call, '--workdir')).toEqual(['/srv/app']);
    expect(flagValues(call, '--user')).toEqual(['1000:1000']);
    expect(call.slice(-5)).toEqual(['nginx:1.27', '-c', 'exec "$0" "$@"', 'node', 'server.js']);
  });

  test('GIVEN an empty entrypoint WHEN run THEN --entrypoint "" resets the image\'s', () => {
    const sys = new System('shop');
    new Service(sys, 'app', { image, entrypoint: [], command: ['nginx', '-g', 'daemon off;'] });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-app');
    expect(flagValues(call, '--entrypoint')).toEqual(['']);
    expect(call.slice(-4)).toEqual(['nginx:1.27', 'nginx', '-g', 'daemon off;']);
  });

  test('GIVEN env values with quotes, spaces and $ WHEN run THEN -e NAME=value reaches docker exactly as written', () => {
    const sys = new System('shop');
    const tricky = `it's "$HOME" \`id\` ; rm -rf / \\ end`;
    new Service(sys, 'app', { image, env: { GREETING: tricky, EMPTY: '', PLAIN: 'x' } });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(flagValues(containerCall(run, 'shop-app'), '-e')).toEqual(['EMPTY=', `GREETING=${tricky}`, 'PLAIN=x']);
  });

  test('GIVEN secret env WHEN run without the variable THEN the script stops with a clear message before any docker command', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    const out = renderDocker(sys);
    expect(out.script).toContain('  : "${DB_PASSWORD:?set DB_PASSWORD to the value of secret db-password}"\n');
    const run = runScript(out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('DB_PASSWORD: set DB_PASSWORD to the value of secret db-password');
    expect(run.calls).toEqual([]);
  });

  test('GIVEN secret env WHEN run with the variable THEN docker gets -e NAME and the value from its environment, never from the script or argv', () => {
    // GIVEN
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    new Job(sys, 'check', { image, secretEnv: { DB_PASSWORD: pw } });
    const out = renderDocker(sys);
    // WHEN
    const secret = 's3cret-value';
    const run = runScript(out, [], { env: { DB_PASSWORD: secret, DOCKER_SHOW_ENV: 'POSTGRES_PASSWORD' } });
    // THEN the value reached the environment of db's docker run only (the job check runs first and gets none)
    expect(out.script).toContain('  POSTGRES_PASSWORD="$DB_PASSWORD" docker run -d --name shop-db \\\n');
    expect(run.code).toBe(0);
    expect(flagValues(containerCall(run, 'shop-db'), '-e')).toEqual(['POSTGRES_PASSWORD']);
    expect(flagValues(containerCall(run, 'shop-check'), '-e')).toEqual(['DB_PASSWORD']);
    const seen = run.stderr.split('\n').filter((l) => l.startsWith('run '));
    expect(seen).toEqual(['run POSTGRES_PASSWORD=', `run POSTGRES_PASSWORD=${secret}`]);
    expect(run.calls.flat().join(' ')).not.toContain(secret);
    expect(out.script).not.toContain(secret);
    expect(runScript(out, [], { env: { DB_PASSWORD: secret }, checkClient: true }).rejected).toEqual([]);
  });

  test('GIVEN a secret with an existing name WHEN rendered THEN docker/secret-existing-name says where the value comes from', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password', { existingName: 'prod/db' });
    new Service(sys, 'db', { image, secretEnv: { PGPASSWORD: pw } });
    expect(withCode(renderDocker(sys), 'docker/secret-existing-name')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: 'shop/db-password existingName',
        message: 'docker run has no secret store: the value comes from the environment variable DB_PASSWORD of the caller, not from prod/db.',
      }),
    ]);
  });

  test('GIVEN existing names per target WHEN rendered THEN docker/secret-existing-name names the docker name, else the default', () => {
    const sys = new System('shop');
    const pw = new Secret(sys, 'db-password', { existingName: { default: 'db_password', docker: 'local/db' } });
    const token = new Secret(sys, 'token', { existingName: { default: 'api_token', kubernetes: 'api-token' } });
    new Service(sys, 'db', { image, secretEnv: { PGPASSWORD: pw, TOKEN: token } });
    expect(withCode(renderDocker(sys), 'docker/secret-existing-name').map((d) => d.message)).toEqual([
      'docker run has no secret store: the value comes from the environment variable DB_PASSWORD of the caller, not from local/db.',
      'docker run has no secret store: the value comes from the environment variable TOKEN of the caller, not from api_token.',
    ]);
  });

  test('GIVEN memory, reservation, shares and cpus WHEN run THEN --memory --memory-reservation --cpu-shares --cpus in Docker notation', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, resources: { memory: '1g', memoryReservation: '512m', cpuShares: 512, cpus: 0.5 } });
    new Service(sys, 'bare', { image });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const db = containerCall(run, 'shop-db');
    expect(['--memory', '--memory-reservation', '--cpu-shares', '--cpus'].map((f) => flagValues(db, f))).toEqual([['1g'], ['512m'], ['512'], ['0.5']]);
    const bare = containerCall(run, 'shop-bare');
    expect(bare.filter((a) => /^--(memory|cpu)/.test(a))).toEqual([]);
  });

  test('GIVEN labels and log limits WHEN run THEN --label per label plus the app label, and the json-file driver with max-size and max-file', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, labels: { tier: 'edge', 'com.example.team': 'web team' }, logging: { maxSize: '10m', maxFiles: 3 } });
    const run = runScript(renderDocker(sys), [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    const call = containerCall(run, 'shop-web');
    expect(flagValues(call, '--label')).toEqual(['com.example.team=web team', 'tier=edge', 'lading.app=shop']);
    expect(flagValues(call, '--log-driver')).toEqual(['json-file']);
    expect(flagValues(call, '--log-opt')).toEqual(['max-size=10m', 'max-file=3']);
  });

  test('GIVEN a privileged container WHEN run THEN --privileged is kept with docker/privileged', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image, privileged: true });
    const out = renderDocker(sys);
    expect(withCode(out, 'docker/privileged')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'shop/agent privileged', message: "agent runs privileged, with full access to the host's devices and kernel." }),
    ]);
    const run = runScript(out, [], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(containerCall(run, 'shop-agent')).toContain('--privileged');
  });
});
