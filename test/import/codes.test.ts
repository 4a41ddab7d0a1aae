import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComposeFileError, IMPORT_CODES, type ImportCode } from '../../lib/import/compose';
import { LineCounter, parseDocument } from 'yaml';
import { toLocated } from '../../lib/import/compose/located';
import { CORPUS, importText, ROOT } from './support/import-kit';

interface Case {
  readonly compose: string;
  /** `keyPath` of the diagnostic, and a part of its message. */
  readonly at: string;
  readonly says: string;
  readonly env?: Record<string, string>;
  /** A folder of test/import/corpus the file is imported from, for the project files it binds. */
  readonly corpus?: string;
}

/** One small file per diagnostic code that the import reports (malformed files are tested below). */
const CASES: Record<string, Case> = {
  'import/unsupported-key': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    oom_score_adj: 500\n',
    at: 'services.web.oom_score_adj',
    says: 'oom_score_adj has no equivalent in the model: it is left out.',
  },
  'import/unsupported-value': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports: ["8080:80/sctp"]\n',
    at: 'services.web.ports[0]',
    says: 'protocol sctp has no equivalent: only tcp and udp are kept, so this port is left out.',
  },
  'import/model-error': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    mem_limit: 1m\n',
    at: 'services.web',
    says: "inline/web resources.memory: memory limit must be at least 6m (Docker's minimum)",
  },
  'import/unset-variable': {
    compose: 'services:\n  web:\n    image: nginx:${TAG}\n    restart: always\n',
    at: 'services.web.image',
    says: 'variable TAG is not set: it becomes the empty string.',
  },
  'import/project-folder': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes:\n      - ${PWD}/site:/usr/share/nginx/html:ro\n',
    at: 'services.web.volumes[0]',
    says: "variable PWD is the folder docker compose runs in, the project's: it is read as . (relative to the project), not as the importing host's folder.",
  },
  'import/required-variable': {
    compose: 'services:\n  web:\n    image: nginx:${TAG:?pick a tag}\n    restart: always\n',
    at: 'services.web.image',
    says: 'variable TAG is required: pick a tag',
  },
  'import/invalid-interpolation': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    environment:\n      PRICE: "5$ each"\n',
    at: 'services.web.environment.PRICE',
    says: 'a lone $ in "5$ each": write $$ for a literal $',
  },
  'import/secret-variable': {
    compose: 'services:\n  db:\n    image: postgres:16\n    restart: always\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-dev}\n',
    at: 'services.db.environment.POSTGRES_PASSWORD',
    says: 'POSTGRES_PASSWORD reads DB_PASSWORD, which holds a secret: it becomes secret db-password, and its value enters no output. Its default is not kept',
  },
  'import/env-file-missing': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    env_file: ./missing.env\n',
    at: 'services.web.env_file',
    says: 'env_file ./missing.env does not exist',
  },
  'import/alias-scope': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    links: ["db:database"]\n  db:\n    image: postgres:16\n    restart: always\n',
    at: 'services.web.links[0]',
    says: "db is reached as database by every workload that shares a network with it, not only by web: Compose scopes a link's alias to the linking service.",
  },
  'import/renamed': {
    compose: 'services:\n  Web_App:\n    image: nginx:1.27\n    restart: always\n',
    at: 'services.Web_App',
    says: 'service "Web_App" is named "web-app" in the model',
  },
  'import/renamed-reference': {
    compose: 'services:\n  my_db:\n    image: postgres:16\n    restart: always\n  api:\n    image: api:1.0\n    restart: always\n    environment:\n      DATABASE_URL: postgres://app@my_db:5432/shop\n',
    at: 'services.api.environment.DATABASE_URL',
    says: 'DATABASE_URL names the service my_db, which is named my-db in the model: it is written my-db, so that api still reaches it.',
  },
  'import/development-only': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    develop:\n      watch:\n        - action: sync\n          path: ./web\n          target: /usr/share/nginx/html\n',
    at: 'services.web.develop',
    says: 'develop says what `docker compose watch` syncs or rebuilds while developing: the deployed system does not run it, so it is left out.',
  },
  'import/docker-volume-name': {
    compose: 'services:\n  db:\n    image: postgres:16\n    restart: always\n    volumes: ["db_data:/var/lib/postgresql/data"]\nvolumes:\n  db_data:\n',
    at: 'volumes.db_data',
    says: 'volume "db_data" is named "db-data" in the model (Kubernetes, ECS); Compose, Swarm and docker keep its Docker volume inline_db_data, so the data in it is found.',
  },
  'import/data-folder': {
    compose: 'services:\n  mail:\n    image: mailserver/docker-mailserver:14\n    restart: always\n    volumes: ["./docker-data/mail/:/var/mail/"]\n',
    at: 'services.mail.volumes[0]',
    says: './docker-data/mail is absent from the project (Docker creates it at the first start), and /var/mail/ is written to: it is imported as volume mail-data with hostPath ./docker-data/mail. Compose and docker bind the folder as the file does; Kubernetes, ECS and Swarm keep the data in a volume of their own.',
  },
  'import/config-read-only': {
    compose: 'services:\n  temporal:\n    image: temporalio/auto-setup:1.22\n    restart: always\n    volumes: ["./dynamicconfig:/etc/temporal/config/dynamicconfig"]\n',
    corpus: 'real/temporal',
    at: 'services.temporal.volumes[0]',
    says: './dynamicconfig is bound writable; it is imported as config file dynamicconfig, read-only in the container on every target: a container that writes to /etc/temporal/config/dynamicconfig fails with a read-only file system.',
  },
  'import/unknown-reference': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    depends_on: [api]\n',
    at: 'services.web.depends_on[0]',
    says: 'depends on api, which is not a service of this file.',
  },
  'import/undeclared-volume': {
    compose: 'services:\n  db:\n    image: postgres:16\n    restart: always\n    volumes: ["pgdata:/var/lib/postgresql/data"]\n',
    at: 'services.db.volumes[0]',
    says: 'volume pgdata is not declared under the top-level volumes',
  },
  'import/external': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n',
    at: 'networks.proxy.external',
    says: 'the existing network proxy is not reused',
  },
  'import/secret-name': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    secrets: [users]\nsecrets:\n  users:\n    external: true\n    name: traefik_users\n',
    at: 'secrets.users.name',
    says: 'the external secret traefik_users cannot name a Kubernetes Secret: on Kubernetes the Secret must exist as traefik-users.',
  },
  'import/restart-default': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n',
    at: 'services.web',
    says: 'web names no restart policy: it is imported as a long-running service that restarts always',
  },
  'import/dependency-cycle': {
    compose: 'services:\n  a:\n    image: nginx:1.27\n    restart: always\n    depends_on: [b]\n  b:\n    image: nginx:1.27\n    restart: always\n    depends_on: [a]\n',
    at: 'services.a.depends_on',
    says: 'depends_on forms a cycle through a, b.',
  },
  'import/sidecar': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n  shipper:\n    image: busybox:1.36\n    restart: always\n    network_mode: service:web\n',
    at: 'services.shipper',
    says: 'shipper shares the network of web: it becomes sidecar shipper of web, which the Compose output names web-shipper.',
  },
  'import/volumes-from': {
    compose: 'services:\n  proxy:\n    image: nginx:1.27\n    restart: always\n    volumes: ["certs:/etc/nginx/certs", "/cache"]\n  companion:\n    image: busybox:1.36\n    restart: always\n    volumes_from: ["proxy:ro"]\nvolumes:\n  certs: {}\n',
    at: 'services.companion.volumes_from[0]',
    says: 'volumes_from proxy: companion mounts volume certs at /etc/nginx/certs (read-only), as proxy does.',
  },
  'import/sidecar-key': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n  web-shipper:\n    image: busybox:1.36\n    restart: always\n    network_mode: service:web\n    ports: ["9000:9000"]\n',
    at: 'services.web-shipper.ports',
    says: 'a sidecar shares the ports of web: its own is left out.',
  },
  'import/profile-skipped': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n  debug:\n    image: busybox:1.36\n    restart: "no"\n    profiles: [debug]\n',
    at: 'services.debug',
    says: 'debug belongs to profiles debug, none of which is active: it is left out.',
  },
  'import/no-active-service': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    profiles: [web]\n  db:\n    image: postgres:16.4\n    profiles: [db, all]\n',
    at: 'services',
    says: 'every service belongs to a profile that is not active (all, db, web): the imported system has no service.',
  },
  'import/build-tag': {
    compose: 'services:\n  web:\n    build: .\n    restart: always\n',
    at: 'services.web.build',
    says: 'the built image is tagged inline-web, as Compose names it.',
  },
  'import/http-port': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    expose: ["80"]\n    healthcheck:\n      test: ["CMD-SHELL", "curl -fsS -o /dev/null \'http://127.0.0.1:80/\' || wget -q -O /dev/null \'http://127.0.0.1:80/\' || exit 1"]\n',
    at: 'services.web.healthcheck',
    says: 'port 80 answers the http health check: it is imported as an HTTP port',
  },
  'import/inferred-port': {
    compose: 'services:\n  db:\n    image: mongo:7.0\n    restart: always\n  api:\n    image: api:1.0\n    restart: always\n    environment:\n      MONGO_URL: mongodb://db:27017/shop\n',
    at: 'services.db',
    says: 'api reaches db:27017, which db does not declare: port 27017 is imported, so that every target lets api reach it.',
  },
  'import/undeclared-ports': {
    compose: 'services:\n  db:\n    image: bitnami/cassandra:4.1\n    restart: always\n  api:\n    image: api:1.0\n    restart: always\n    depends_on: [db]\n',
    at: 'services.db',
    says: "api depends on db, which declares no port (the ports of bitnami/cassandra:4.1 are in its registry's image, which the import does not read, and it is no image whose ports the import knows): Compose reaches any port it listens on, Kubernetes and ECS only declared ones.",
  },
  'import/secret-mode': {
    compose:
      'services:\n  app:\n    image: app:1.0\n    restart: always\n    secrets: [api_key]\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:?required}\nsecrets:\n  api_key:\n    file: ./secrets/api-key\n',
    at: 'services.app.environment.DB_PASSWORD',
    says: 'this system also uses Compose secrets, so on Compose this secret becomes a file under /run/secrets too',
  },
  'import/duration-rounded': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 1500ms\n',
    at: 'services.web.healthcheck.interval',
    says: '1500ms is rounded up to 2s: the model keeps whole seconds.',
  },
  'import/ecs-ec2': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes: ["./html:/usr/share/nginx/html:ro"]\n',
    at: 'services.web',
    says: "the bind mount of ./html in web runs on ECS only with the EC2 launch type: the system chooses it (targetOptions.ecs.launchType 'ec2').",
  },
  'import/host-variable': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    labels:\n      x: "${NPM_TOKEN}"\n',
    env: { NPM_TOKEN: 'npm-1618' },
    at: 'services.web.labels.x',
    says: 'variable NPM_TOKEN comes from the environment of the importing host: its value would be written into every output, so it is refused.',
  },
  'import/secret-composed': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    environment:\n      DATABASE_URL: "postgres://app:${DB_PASSWORD}@db/app"\n',
    env: { DB_PASSWORD: 'pw-2718' },
    at: 'services.web.environment.DATABASE_URL',
    says: 'DATABASE_URL is composed of text and DB_PASSWORD from the importing host\'s environment: the whole value becomes secret database-url',
  },
  'import/outside-file': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    env_file: ../import-kit.ts\n',
    at: 'services.web.env_file',
    says: 'env_file ../import-kit.ts is outside the folder of the Compose file',
  },
  'import/network-driver': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [back]\nnetworks:\n  back:\n    driver_opts:\n      com.docker.network.bridge.enable_icc: "false"\n',
    at: 'networks.back.driver_opts.com.docker.network.bridge.enable_icc',
    says: 'com.docker.network.bridge.enable_icc "false": containers on back cannot reach each other in Compose (enable_icc false); on every target the services on back reach each other',
  },
  'import/network-option': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    networks: [back]\nnetworks:\n  back:\n    enable_ipv6: true\n',
    at: 'networks.back.enable_ipv6',
    says: 'containers on back get IPv6 addresses in Compose; every target gives them IPv4 only, so a client that reaches them over IPv6 fails.',
  },
  'import/volume-driver': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes: ["media:/srv"]\nvolumes:\n  media:\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.5,rw\n      device: ":/exports/media"\n',
    at: 'volumes.media.driver_opts',
    says: 'media mounts the NFS export 10.0.0.5:/exports/media in Compose; every target creates an empty volume of its own instead',
  },
  'import/bind-volume': {
    compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n    volumes: ["media:/srv"]\nvolumes:\n  media:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /srv/media\n',
    at: 'volumes.media.driver_opts',
    says: 'media binds the host path /srv/media (type none, o bind): each service that mounts it binds /srv/media instead',
  },
  'import/obsolete-version': {
    compose: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    restart: always\n',
    at: 'version',
    says: 'version is obsolete in the compose-spec: it has no effect and is left out.',
  },
};

describe('every diagnostic code of the import', () => {
  test.each(Object.entries(CASES))('GIVEN a file that needs it WHEN imported THEN %s is reported at its key with its catalogue severity', (code, c) => {
    const root = c.corpus === undefined ? undefined : path.join(CORPUS, c.corpus);
    const imported = importText(c.compose, { ...(c.env ? { env: c.env } : {}), ...(root ? { projectRoot: root, file: path.join(root, 'compose.yaml') } : {}) });
    const found = imported.diagnostics.find((d) => d.code === code);
    expect(found).toBeDefined();
    expect(found?.keyPath).toBe(c.at);
    expect(found?.message).toContain(c.says);
    expect(found?.severity).toBe(IMPORT_CODES[code as ImportCode].severity);
    expect(found?.path).toMatch(new RegExp(`compose\\.yaml:${found?.line} ${c.at.replace(/[.[\]]/g, '\\$&')}$`));
    if (found?.severity === 'error') expect(imported.system).toBeUndefined();
  });

  test('GIVEN a YAML syntax error WHEN imported THEN one import/invalid-file error names the file and line', () => {
    const attempt = () => importText('services:\n  web:\n    image: nginx\n   ports: [80\n');
    expect(attempt).toThrow(ComposeFileError);
    expect(attempt).toThrow(/^.*compose\.yaml:4: not valid YAML: All mapping items must start at the same column$/);
  });

  test.each([
    ['services:\n  web:\n    image: nginx:1.27\n    ports: 80\n', 'compose.yaml:4 services.web.ports: must be a list (got 80)'],
    ['services:\n  web:\n    image: nginx:1.27\n    environment: 5\n', 'compose.yaml:4 services.web.environment: must be a mapping (got 5)'],
    ['services: []\n', 'compose.yaml:1 services: must be a mapping (got a list)'],
    ['services:\n  web:\n    restart: always\n', 'compose.yaml:2 services.web: a service needs an image or a build: add image: or build:, or, where this file only overrides another (docker-compose.override.yml), import that other file'],
    ['services:\n  web:\n    image: nginx:1.27\n    ports: ["80:abc"]\n', 'compose.yaml:4 services.web.ports[0]: not a port (got "80:abc")'],
    ['services:\n  web:\n    image: nginx:1.27\n    command: "echo \'unclosed"\n', 'compose.yaml:4 services.web.command: unclosed quote'],
    ['services:\n  a:\n    image: nginx:1.27\n    extends: b\n  b:\n    image: nginx:1.27\n    extends: a\n', 'compose.yaml:7 services.b.extends: extends forms a cycle: a -> b -> a'],
    ['services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD"]\n', 'compose.yaml:5 services.web.healthcheck.test: CMD needs a command'],
    ['- just\n- a list\n', 'compose.yaml:1: a compose file is a mapping with services at the top'],
  ])('GIVEN a malformed file WHEN imported THEN it fails with one import/invalid-file line (%#)', (compose, message) => {
    let error: unknown;
    try {
      importText(compose);
    } catch (e) {
      error = e;
    }
    expect(ComposeFileError.is(error)).toBe(true);
    const d = (error as ComposeFileError).diagnostic;
    expect(d.code).toBe('import/invalid-file');
    expect(d.severity).toBe(IMPORT_CODES['import/invalid-file'].severity);
    expect(`${d.path}: ${d.message}`).toContain(message);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  test('GIVEN a text larger than 10 MiB WHEN imported THEN one import/too-large line', () => {
    let error: unknown;
    try {
      importText('# padding\n'.repeat(1_100_000));
    } catch (e) {
      error = e;
    }
    expect(ComposeFileError.is(error)).toBe(true);
    const d = (error as ComposeFileError).diagnostic;
    expect([d.code, d.severity]).toEqual(['import/too-large', IMPORT_CODES['import/too-large'].severity]);
    expect(`${d.path}: ${d.message}`).toMatch(/compose\.yaml: /);
    expect(d.message).toBe('the file is larger than the 10 MiB the import reads (got 11000000 bytes). Split the file, or leave out what it does not need.');
  });

  test('GIVEN aliases that expand past the bound WHEN the located tree is built THEN it stops at the alias that crosses it', () => {
    const text = 'x-a: &a [1, 2]\nx-b: &b [*a, *a]\nservices:\n  web:\n    image: nginx:1.27\n    command: *b\n';
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter });
    expect(() => toLocated(doc, counter, doc.contents, 6)).toThrow('aliases expand to more than 6 values (got 13 by alias *b). Write the values out, or use fewer levels of aliases.');
    expect(toLocated(doc, counter, doc.contents, 13).kind).toBe('map');
  });

  test('GIVEN the catalogue WHEN compared with the tests and the source THEN every code is tested and every code used is catalogued', () => {
    const tested = new Set([...Object.keys(CASES), 'import/invalid-file', 'import/too-large', 'import/not-utf8']);
    expect(Object.keys(IMPORT_CODES).filter((c) => !tested.has(c)).sort()).toEqual([]);
    const used = new Set<string>();
    const dir = path.join(ROOT, 'lib', 'import');
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (!p.endsWith('codes.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/'(import\/[a-z0-9-]+)'/g)) used.add(m[1]);
      }
    };
    walk(dir);
    expect([...used].filter((c) => !(c in IMPORT_CODES)).sort()).toEqual([]);
    for (const [code, entry] of Object.entries(IMPORT_CODES)) {
      expect(code).toMatch(/^import\/[a-z0-9-]+$/);
      expect(entry.summary.length).toBeGreaterThan(20);
    }
  });
});
