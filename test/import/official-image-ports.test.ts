import { officialImage, officialImagePorts } from '../../lib/import/compose/official-image-ports';
import { parseManifest } from '../support/kubernetes-validators';
import { fidelityOf, outputText, workloadOf, type FidelityResult } from './support/fidelity';
import { importText } from './support/import-kit';

const ports = (ref: string): string[] | undefined => officialImagePorts(ref)?.map((p) => `${p.port}/${p.protocol}`);

describe('the ports of Docker Official Images', () => {
  test('GIVEN an official image named as Compose may write it THEN its repository and tag are read', () => {
    expect(officialImage('mysql')).toEqual({ repository: 'mysql', tag: 'latest' });
    expect(officialImage('mysql:5.6')).toEqual({ repository: 'mysql', tag: '5.6' });
    expect(officialImage('library/mysql:8.4')).toEqual({ repository: 'mysql', tag: '8.4' });
    expect(officialImage('docker.io/library/mysql:8')).toEqual({ repository: 'mysql', tag: '8' });
    expect(officialImage('docker.io/mysql')).toEqual({ repository: 'mysql', tag: 'latest' });
    expect(officialImage('index.docker.io/library/mongo:7@sha256:0123abcd')).toEqual({ repository: 'mongo', tag: '7' });
    expect(officialImage('mongo@sha256:0123abcd')).toEqual({ repository: 'mongo', tag: 'latest' });
    expect(officialImage('mongo-express:1.0.2-20')).toEqual({ repository: 'mongo-express', tag: '1.0.2-20' });
  });

  test('GIVEN an image that is not an official one THEN none is read', () => {
    for (const ref of ['bitnami/mysql:8.0', 'docker.io/bitnami/mysql', 'ghcr.io/library/mysql:8', 'ghcr.io/mysql', 'localhost:5000/mysql:8', 'registry.example.com:5000/postgres', '${DB_IMAGE}', 'MySQL']) {
      expect([ref, officialImage(ref)]).toEqual([ref, undefined]);
      expect([ref, ports(ref)]).toEqual([ref, undefined]);
    }
  });

  test('GIVEN an official image of the table THEN its EXPOSEd ports are found, by tag where the variant decides', () => {
    expect(ports('mysql:8.0.27')).toEqual(['3306/tcp', '33060/tcp']);
    expect(ports('docker.io/library/mysql')).toEqual(['3306/tcp', '33060/tcp']);
    expect(ports('mysql:5.6')).toEqual(['3306/tcp']);
    expect(ports('mariadb:10.6.4-focal')).toEqual(['3306/tcp']);
    expect(ports('postgres:16-alpine@sha256:0123abcd')).toEqual(['5432/tcp']);
    expect(ports('rabbitmq:3.13')).toEqual(['4369/tcp', '5671/tcp', '5672/tcp', '15691/tcp', '15692/tcp', '25672/tcp']);
    expect(ports('rabbitmq:3-management-alpine')).toEqual(['4369/tcp', '5671/tcp', '5672/tcp', '15691/tcp', '15692/tcp', '25672/tcp', '15671/tcp', '15672/tcp']);
    expect(ports('consul:1.15')).toContain('8600/udp');
    expect(ports('wordpress')).toEqual(['80/tcp']);
    expect(ports('wordpress:6-fpm-alpine')).toEqual(['9000/tcp']);
    expect(ports('wordpress:cli')).toEqual([]);
  });

  test('GIVEN an official image that EXPOSEs none or is not in the table THEN none is found', () => {
    expect(ports('haproxy:2.9')).toBeUndefined();
    expect(ports('node:20')).toBeUndefined();
    expect(ports('constructor')).toBeUndefined();
  });
});

describe('the import of a service that pulls an official image and declares no port', () => {
  const results = new Map<string, FidelityResult>();
  beforeAll(async () => {
    for (const name of ['joomla-mysql', 'nginx-flask-mongo', 'react-express-mysql']) results.set(name, await fidelityOf(name));
  }, 120_000);
  const result = (name: string): FidelityResult => results.get(name) as FidelityResult;
  const portsOf = (name: string, id: string): number[] => workloadOf(result(name), id).main.ports.map((p) => p.containerPort);
  const messages = (name: string, code: string): string[] => result(name).imported.diagnostics.filter((d) => d.code === code).map((d) => `${d.keyPath}: ${d.message}`);

  test('GIVEN joomla-mysql (mysql:5.6, linked as mysql) WHEN imported THEN joomladb gets 3306 and a Service, with an info that says where it came from', () => {
    expect(portsOf('joomla-mysql', 'joomladb')).toEqual([3306]);
    expect(messages('joomla-mysql', 'import/inferred-port')).toContain(
      'services.joomladb: joomladb declares no port, and the Docker Official Image mysql:5.6 EXPOSEs 3306: it is imported, so that every target lets other services reach it.',
    );
    expect(messages('joomla-mysql', 'import/undeclared-ports')).toEqual([]);
    expect(parseManifest(outputText(result('joomla-mysql'), 'kubernetes')).some((o) => o.kind === 'Service' && o.metadata?.name === 'joomladb')).toBe(true);
  });

  test('GIVEN nginx-flask-mongo (image: mongo) WHEN imported THEN mongo gets 27017', () => {
    expect(portsOf('nginx-flask-mongo', 'mongo')).toEqual([27017]);
    expect(messages('nginx-flask-mongo', 'import/undeclared-ports')).toEqual([]);
  });

  test('GIVEN react-express-mysql (mariadb:10.6.4-focal) WHEN imported THEN db gets 3306 and backend waits for it on Kubernetes', () => {
    expect(portsOf('react-express-mysql', 'db')).toEqual([3306]);
    expect(messages('react-express-mysql', 'import/undeclared-ports')).toEqual([]);
    expect(result('react-express-mysql').outputs.kubernetes?.diagnostics.map((d) => d.code)).not.toContain('kubernetes/depends-on-no-port');
  });

  test('GIVEN a service reached at a port its official image does not list WHEN imported THEN that port alone is imported, as before', () => {
    const imported = importText(['services:', '  app:', '    image: node:20', '    environment:', '      DB: db:5433', '  db:', '    image: postgres:16'].join('\n'));
    const db = imported.system?.toSpec().services.find((s) => s.name === 'db');
    expect(db?.main.ports.map((p) => p.containerPort)).toEqual([5433]);
    expect(imported.diagnostics.filter((d) => d.code === 'import/inferred-port').map((d) => d.message)).toEqual([
      'app reaches db:5433, which db does not declare: port 5433 is imported, so that every target lets app reach it.',
    ]);
  });

  test('GIVEN an official image that nothing depends on, links to or reaches by an alias WHEN imported THEN it gets no port: none is needed', () => {
    const imported = importText(['services:', '  cache:', '    image: redis:7', '  app:', '    image: node:20', '    networks: { back: { aliases: [db] } }', '    depends_on: [cache]', 'networks:', '  back: {}'].join('\n'));
    const spec = imported.system?.toSpec();
    expect(spec?.services.map((s) => [s.name, s.main.ports.map((p) => p.containerPort)])).toEqual([
      ['app', []],
      ['cache', [6379]],
    ]);
    const lone = importText(['services:', '  db:', '    image: postgres:16'].join('\n'));
    expect(lone.system?.toSpec().services[0].main.ports).toEqual([]);
    expect(lone.diagnostics.map((d) => d.code)).not.toContain('import/inferred-port');
  });

  test('GIVEN an official image reached by a network alias WHEN imported THEN its ports are declared', () => {
    const imported = importText(['services:', '  db:', '    image: postgres:16', '    networks: { back: { aliases: [database] } }', 'networks:', '  back: {}'].join('\n'));
    expect(imported.system?.toSpec().services[0].main.ports.map((p) => p.containerPort)).toEqual([5432]);
  });

  test('GIVEN a depended-on image that is no official one WHEN imported THEN its ports are still reported as unknown', () => {
    const imported = importText(['services:', '  app:', '    image: node:20', '    depends_on: [db]', '  db:', '    image: bitnami/cassandra:4.1'].join('\n'));
    expect(imported.diagnostics.filter((d) => d.code === 'import/undeclared-ports').map((d) => d.message)).toEqual([
      "app depends on db, which declares no port (the ports of bitnami/cassandra:4.1 are in its registry's image, which the import does not read, and it is no image whose ports the import knows): Compose reaches any port it listens on, Kubernetes and ECS only declared ones.",
    ]);
  });
});
