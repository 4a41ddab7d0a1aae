import { findings, importText } from './support/import-kit';

/** What application stacks as developers write them (web, database, cache, worker) need from the import. */
describe('importing application stacks', () => {
  test('GIVEN a healthcheck with more retries than ECS accepts (retries: 50) WHEN imported THEN the model keeps 50, as Docker does', () => {
    const imported = importText(
      'services:\n  redis:\n    image: redis:7\n    restart: always\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 5s\n      timeout: 3s\n      retries: 50\n',
    );
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].main.health?.retries).toBe(50);
  });

  test('GIVEN platform, hostname and container_name that ${VAR:-} leaves empty WHEN imported THEN each is as if not set, with no finding', () => {
    const imported = importText(
      'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    platform: ${DOCKER_PLATFORM:-}\n    hostname: "${MAIL_HOST:-}"\n    container_name: ${NAME:-}\n',
    );
    expect(findings(imported)).toEqual([]);
    const w = imported.system!.toSpec().services[0];
    expect([w.platform, w.hostname, w.containerName]).toEqual([undefined, undefined, undefined]);
  });

  test('GIVEN a migration step with no restart policy that web waits to complete WHEN imported THEN it is a one-shot job and web waits for it to complete', () => {
    const imported = importText(
      'services:\n  migrate:\n    image: shop:1\n    command: python manage.py migrate\n  web:\n    image: shop:1\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    );
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([
      'import/restart-default services.migrate: migrate names no restart policy and a service waits for it to complete: it is imported as a one-shot job (restart "no"), as Compose runs it.',
    ]);
    const spec = imported.system!.toSpec();
    expect(spec.jobs.map((j) => [j.name, j.restart])).toEqual([['migrate', { policy: 'no' }]]);
    expect(spec.services[0].dependsOn).toEqual([{ kind: 'job', name: 'migrate', condition: 'completed' }]);
  });

  test.each([
    ['an http URL on localhost', '["CMD-SHELL", "wget -nv -t1 --spider http://localhost:8123/ || exit 1"]', 8123],
    ['its own name', '["CMD", "wget", "--spider", "http://events:9001/health"]', 9001],
    ['/dev/tcp', '["CMD", "/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9000 && echo ok >&3"]', 9000],
    ['nc -z', '["CMD-SHELL", "nc -z localhost 9092"]', 9092],
  ])('GIVEN a service others depend on that declares no port but whose health check reaches %s WHEN imported THEN that port is declared', (_given, test, port) => {
    const imported = importText(
      `services:\n  events:\n    image: example/events:1\n    restart: always\n    healthcheck:\n      test: ${test}\n  web:\n    image: example/web:1\n    restart: always\n    depends_on: [events]\n`,
    );
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([
      `import/inferred-port services.events: events declares no port, and its health check reaches it on ${port}: it is imported, so that every target lets other services reach it.`,
    ]);
    expect(imported.system!.toSpec().services.find((s) => s.name === 'events')!.main.ports.map((p) => p.containerPort)).toEqual([port]);
  });

  test("GIVEN healthcheck: { disable: false } alone WHEN imported THEN the image's own check stays, with no finding; with a timing but no test THEN it is reported", () => {
    const kept = importText('services:\n  web:\n    image: example/web:1\n    restart: always\n    healthcheck:\n      disable: false\n');
    expect(findings(kept)).toEqual([]);
    expect(kept.system!.toSpec().services[0].main.health).toBeUndefined();
    const retimed = importText('services:\n  web:\n    image: example/web:1\n    restart: always\n    healthcheck:\n      disable: false\n      interval: 10s\n');
    expect(findings(retimed)).toEqual(['import/unsupported-value services.web.healthcheck']);
  });

  test('GIVEN shm_size: 256mb on a database WHEN imported THEN it is a tmpfs of 256m at /dev/shm, with no finding; a mount at /dev/shm wins and says so', () => {
    const imported = importText('services:\n  db:\n    image: postgres:16\n    restart: always\n    shm_size: 256mb\n');
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].main.mounts).toEqual([{ kind: 'ephemeral', name: 'dev-shm', target: '/dev/shm', tmpfs: true, sizeLimitBytes: 256 * 1024 ** 2, readOnly: false }]);
    const both = importText('services:\n  db:\n    image: postgres:16\n    restart: always\n    shm_size: 1g\n    tmpfs: /dev/shm:size=2g\n');
    expect(both.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual(['import/unsupported-value services.db.shm_size: a mount at /dev/shm replaces the shared memory: shm_size is left out.']);
  });

  test('GIVEN an app that names its database as DB_HOST=postgresql and DB_PORT=5432 WHEN imported THEN port 5432 is declared on postgresql, saying which variables named it', () => {
    const imported = importText(
      'services:\n  postgresql:\n    image: example/postgresql:9.6\n    restart: always\n  gitlab:\n    image: example/gitlab:10\n    restart: always\n    depends_on: [postgresql]\n    environment:\n      - DB_HOST=postgresql\n      - DB_PORT=5432\n      - LISTEN_HOST=0.0.0.0\n      - LISTEN_PORT=80\n',
    );
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([
      'import/inferred-port services.postgresql: gitlab (DB_HOST and DB_PORT) reaches postgresql:5432, which postgresql does not declare: port 5432 is imported, so that every target lets gitlab (DB_HOST and DB_PORT) reach it.',
    ]);
    expect(imported.system!.toSpec().services.find((s) => s.name === 'postgresql')!.main.ports.map((p) => p.containerPort)).toEqual([5432]);
  });

  test('GIVEN an ipam subnet written with ${VAR:-default} WHEN imported THEN the finding names the subnet as Compose reads it', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [mail]\nnetworks:\n  mail:\n    ipam:\n      config:\n        - subnet: ${IPV4_NETWORK:-172.22.1}.0/24\n');
    expect(imported.diagnostics.find((d) => d.code === 'import/unsupported-key')?.message).toContain('not from 172.22.1.0/24, so a peer');
  });

  test('GIVEN services named redis_cache and my_db that others reach by those names WHEN imported THEN the names are rewritten to the model names wherever they are hosts, and nowhere else', () => {
    const imported = importText(
      [
        'services:',
        '  my_db:\n    image: postgres:16\n    restart: always',
        '  redis_cache:\n    image: redis:7\n    restart: always',
        '  worker:\n    image: example/worker:1\n    restart: always',
        '    command: ["celery", "-A", "proj", "worker", "--broker", "redis://redis_cache:6379/0"]',
        '    environment:',
        '      DB_HOST: my_db',
        '      DATABASE_URL: postgres://app@my_db:5432/shop',
        '      QUEUE_NAME: my_db_jobs',
        '      LOG_TAG: worker_my_db',
        '',
      ].join('\n'),
    );
    const worker = imported.system!.toSpec().services.find((s) => s.name === 'worker')!;
    expect(worker.main.env).toMatchObject({ DB_HOST: 'my-db', DATABASE_URL: 'postgres://app@my-db:5432/shop', QUEUE_NAME: 'my_db_jobs', LOG_TAG: 'worker_my_db' });
    expect(worker.main.command).toEqual(['celery', '-A', 'proj', 'worker', '--broker', 'redis://redis-cache:6379/0']);
    expect(imported.diagnostics.filter((d) => d.code === 'import/renamed-reference').map((d) => d.keyPath).sort()).toEqual([
      'services.worker.command[5]',
      'services.worker.environment.DATABASE_URL',
      'services.worker.environment.DB_HOST',
    ]);
    expect(imported.diagnostics.find((d) => d.code === 'import/renamed' && d.keyPath === 'services.my_db')?.fix).toBe(
      'Other services reach it as my-db: the import writes it so in their environment, command and entrypoint; update addresses such as my_db:PORT in the files they read.',
    );
  });

  test('GIVEN values that hold the name my_db but no host (a database, a user, a URL user and path, a bare command word) WHEN imported THEN only the hosts are rewritten', () => {
    const imported = importText(
      [
        'services:',
        '  my_db:\n    image: postgres:16\n    restart: always',
        '    environment:\n      POSTGRES_DB: my_db\n      POSTGRES_USER: my_db',
        '  app:\n    image: example/app:1\n    restart: always\n    depends_on: [my_db]',
        '    command: ["wait-for", "my_db:5432", "--", "run", "--db-name", "my_db", "--dsn", "mysql://my_db:1234@other:3306/x"]',
        '    environment:',
        '      DATABASE_URL: postgres://my_db:secret@my_db:5432/my_db',
        '      MONGO_URL: mongodb://other:27017,my_db:27017/app',
        '      DB_HOST: my_db',
        '      REDIS_SERVER: my_db',
        '      DB_NAME: my_db',
        '      DB_USER: my_db',
        '      MAIL_FROM: app@my_db',
        '',
      ].join('\n'),
    );
    const spec = imported.system!.toSpec();
    expect(spec.services.find((s) => s.name === 'my-db')!.main.env).toEqual({ POSTGRES_DB: 'my_db', POSTGRES_USER: 'my_db' });
    const app = spec.services.find((s) => s.name === 'app')!;
    expect(app.main.command).toEqual(['wait-for', 'my-db:5432', '--', 'run', '--db-name', 'my_db', '--dsn', 'mysql://my_db:1234@other:3306/x']);
    expect(app.main.env).toEqual({
      DATABASE_URL: 'postgres://my_db:secret@my-db:5432/my_db',
      MONGO_URL: 'mongodb://other:27017,my-db:27017/app',
      DB_HOST: 'my-db',
      REDIS_SERVER: 'my-db',
      DB_NAME: 'my_db',
      DB_USER: 'my_db',
      MAIL_FROM: 'app@my-db',
    });
  });

  test.each([
    ['restart: on-failure:3 and a dependant', '    restart: on-failure:3\n', '    depends_on: [db]\n'],
    ['restart: "no" and no dependant', '    restart: "no"\n', ''],
  ])('GIVEN a database with %s that api reaches as db:5432 WHEN imported THEN it serves, with port 5432', (_given, restart, dependsOn) => {
    const imported = importText(
      `services:\n  db:\n    image: example/db:1\n${restart}  api:\n    image: example/api:1\n    restart: always\n${dependsOn}    environment:\n      DATABASE_URL: postgres://app@db:5432/shop\n`,
    );
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['import/inferred-port']);
    const db = imported.system!.toSpec().services.find((s) => s.name === 'db')!;
    expect(db.main.ports.map((p) => p.containerPort)).toEqual([5432]);
  });

  test('GIVEN a bind with the SELinux option z and a named volume with Z WHEN imported THEN the bind says what relabelling is lost and how to label the folder; the volume needs none', () => {
    const imported = importText('services:\n  django:\n    image: example/django:1\n    restart: always\n    volumes:\n      - .:/app:z\n      - pgdata:/var/lib/postgresql/data:Z\nvolumes:\n  pgdata:\n');
    expect(imported.diagnostics.filter((d) => d.code === 'import/unsupported-value').map((d) => `${d.code} ${d.keyPath}: ${d.message} ${d.fix}`)).toEqual([
      'import/unsupported-value services.django.volumes[0]: volume option z relabels . for SELinux (shared by containers): the model has no SELinux labels, so it is left out, and on a host that enforces SELinux the container may be denied the files; other hosts ignore it. On an SELinux host, label the folder once: chcon -Rt container_file_t ..',
    ]);
  });

  test('GIVEN one container port published on a host port range (8080-8081:80) WHEN imported THEN it is published on 8080, the first of the range, and says so', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports: ["8080-8081:80"]\n');
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([
      'import/unsupported-value services.web.ports[0]: a host port range 8080-8081 has no equivalent: the port is published on 8080, the first of the range, which Docker takes when it is free.',
    ]);
    expect(imported.system!.toSpec().services[0].main.ports).toMatchObject([{ containerPort: 80, publish: 'fixed', hostPort: 8080 }]);
  });

  test('GIVEN a volume with name: shop-redis WHEN imported THEN the Docker-engine targets keep that Docker volume, where its data is; a name Docker refuses is said', () => {
    const imported = importText('services:\n  cache:\n    image: redis:7\n    restart: always\n    volumes: ["redisdata:/data"]\nvolumes:\n  redisdata:\n    name: shop-redis\n');
    // the model keeps the file's volume name, so nothing is said: the Docker-engine targets name the volume shop-redis
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}: ${d.message}`)).toEqual([]);
    expect(imported.system!.toSpec().volumes[0]).toMatchObject({ name: 'redisdata', dockerName: 'shop-redis' });
    const refused = importText('services:\n  cache:\n    image: redis:7\n    restart: always\n    volumes: ["redisdata:/data"]\nvolumes:\n  redisdata:\n    name: "shop redis"\n');
    expect(refused.diagnostics.map((d) => d.message)).toContain(
      '"shop redis" is not a Docker volume name (letters, digits, _ . and -, starting with a letter or digit): volume redisdata keeps the name each target gives it without name:.',
    );
  });

  test.each([
    ['docker.io/valkey/valkey:8-bookworm@sha256:a137a2b60aca1a75130022d6bb96af423fefae4eb55faf395732db3544803280', [6379]],
    ['pgvector/pgvector:pg16', [5432]],
    ['axllent/mailpit', [1025, 1110, 8025]],
    ['docker.io/bitnami/redis-cluster:7.4', [6379]],
    ['bitnami/mongodb:6.0', [27017]],
  ])('GIVEN a dependency on %s, a common image that is no official one, declaring no port WHEN imported THEN the ports its image EXPOSEs are declared', (image, ports) => {
    const imported = importText(`services:\n  dep:\n    image: ${image}\n    restart: always\n  app:\n    image: example/app:1\n    restart: always\n    depends_on: [dep]\n`);
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['import/inferred-port']);
    expect(imported.diagnostics[0].message).toContain(`the image ${image} EXPOSEs`);
    expect(imported.system!.toSpec().services.find((s) => s.name === 'dep')!.main.ports.map((p) => p.containerPort)).toEqual(ports);
  });

  test('GIVEN a step that web waits to complete but that publishes a port WHEN imported THEN it stays a service and the wait becomes a start, said as before', () => {
    const imported = importText('services:\n  migrate:\n    image: shop:1\n    ports: ["9000:9000"]\n  web:\n    image: shop:1\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n');
    expect(imported.diagnostics.map((d) => `${d.code} ${d.keyPath}`)).toEqual(['import/restart-default services.migrate', 'import/unsupported-value services.web.depends_on.migrate']);
    expect(imported.system!.toSpec().services.map((s) => s.name)).toEqual(['migrate', 'web']);
  });

  test('GIVEN a job (restart "no") that web waits to complete and that api reaches as seed:8080 WHEN imported THEN it serves, and the wait on it is a start, saying why', () => {
    const imported = importText(
      'services:\n  seed:\n    image: shop:1\n    restart: "no"\n  web:\n    image: shop:1\n    restart: always\n    depends_on:\n      seed:\n        condition: service_completed_successfully\n  api:\n    image: shop:1\n    restart: always\n    environment:\n      SEED_URL: http://seed:8080/\n',
    );
    expect(imported.diagnostics.find((d) => d.keyPath === 'services.web.depends_on.seed')?.message).toBe(
      'seed serves (it has ports), so it is a service that never completes in the model: the dependency waits for it to start.',
    );
    expect(imported.system).toBeDefined();
  });

  test('GIVEN a global step (deploy.mode: global) that web waits to complete WHEN imported THEN the wait becomes a start, naming the global mode as the reason and its fix', () => {
    const imported = importText(
      'services:\n  prep:\n    image: busybox:1.36\n    command: ["true"]\n    deploy:\n      mode: global\n  web:\n    image: nginx:1.27\n    restart: always\n    depends_on:\n      prep:\n        condition: service_completed_successfully\n',
    );
    const d = imported.diagnostics.find((x) => x.keyPath === 'services.web.depends_on.prep');
    expect([d?.message, d?.fix]).toEqual([
      'prep serves (deploy.mode global runs it on every node), so it is a service that never completes in the model: the dependency waits for it to start.',
      'Leave deploy.mode out of prep to import it as a job.',
    ]);
    expect(imported.diagnostics.map((x) => x.code)).not.toContain('import/undeclared-ports');
  });
});
