import { writeApp } from '../../lib/import/typescript/write-app';
import { findings, importText } from './support/import-kit';

const message = (imported: ReturnType<typeof importText>, code: string) => imported.diagnostics.filter((d) => d.code === code).map((d) => `${d.keyPath}: ${d.message}${d.fix ? ` ${d.fix}` : ''}`);

describe('importing the names a service is reached by: links, network aliases, fixed addresses', () => {
  test('GIVEN links: [db:database] on web WHEN imported THEN db carries the alias database, web starts after db, and an info says every peer of db sees it', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    links:\n      - db:database\n      - cache\n  db:\n    image: postgres:16.4\n    restart: always\n    expose: ["5432"]\n  cache:\n    image: redis:7.4\n    restart: always\n    expose: ["6379"]\n');
    expect(findings(imported)).toEqual(['import/alias-scope services.web.links[0]']);
    expect(message(imported, 'import/alias-scope')).toEqual([
      'services.web.links[0]: db is reached as database by every workload that shares a network with it, not only by web: Compose scopes a link\'s alias to the linking service.',
    ]);
    const spec = imported.system!.toSpec();
    const db = spec.services.find((s) => s.name === 'db')!;
    const web = spec.services.find((s) => s.name === 'web')!;
    expect([db.aliases, web.aliases, web.dependsOn.map((d) => `${d.name} ${d.condition}`)]).toEqual([['database'], undefined, ['cache started', 'db started']]);
    expect(writeApp(imported.plan)).toContain("ports: [Port.tcp(5432)], aliases: ['database'] });");
  });

  test('GIVEN network aliases on a service with two networks WHEN imported THEN the workload carries them, and an info says they apply on both', () => {
    const imported = importText(
      'services:\n  db:\n    image: postgres:16.4\n    restart: always\n    expose: ["5432"]\n    networks:\n      back:\n        aliases: [database, pg]\n      front: {}\nnetworks:\n  back: {}\n  front: {}\n',
    );
    expect(imported.system!.toSpec().services[0].aliases).toEqual(['database', 'pg']);
    expect(message(imported, 'import/alias-scope')).toEqual([
      "services.db.networks.back.aliases[0]: database, pg name db on each of its 2 networks: Compose scopes an alias to the network that lists it, the model's aliases apply on all of them.",
    ]);
  });

  test('GIVEN an alias that is another service\'s name, and one that is not a DNS label WHEN imported THEN each is left out with a warning', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    links: ["db:cache", "db:My_DB"]\n  db:\n    image: postgres:16.4\n    restart: always\n  cache:\n    image: redis:7.4\n    restart: always\n');
    expect(imported.system!.toSpec().services.find((s) => s.name === 'db')!.aliases).toBeUndefined();
    expect(message(imported, 'import/unsupported-value')).toEqual([
      'services.web.links[0]: alias cache already names cache: it is left out, so cache resolves to cache only, not to db. Give db an alias of its own.',
      'services.web.links[1]: alias My_DB is not a DNS label, which Kubernetes and ECS require: it is left out, so My_DB does not resolve to db. Use lowercase letters, digits and -, and reach db by that name.',
    ]);
  });

  test('GIVEN external_links WHEN imported THEN a warning says the name resolves nowhere the project runs, and the fix', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    external_links:\n      - legacy_db:database\n');
    expect(message(imported, 'import/unsupported-key')).toEqual([
      'services.web.external_links[0]: external_links legacy_db names a container outside the project, which no target runs or names: database does not resolve from web on Kubernetes or ECS, and on Compose, Swarm and docker only while such a container shares a network with it. Add legacy_db as a service of this file (then web reaches it by name everywhere), or pass its address to web in env.',
    ]);
  });

  test('GIVEN ipv4_address on a service and ipam on its network WHEN imported THEN each warning says the target assigns addresses and a peer must use the name', () => {
    const imported = importText(
      'services:\n  dns:\n    image: dns:1.0\n    restart: always\n    networks:\n      net:\n        ipv4_address: 172.20.0.2\nnetworks:\n  net:\n    ipam:\n      config:\n        - subnet: 172.20.0.0/24\n',
    );
    expect(message(imported, 'import/unsupported-key')).toEqual([
      "services.dns.networks.net.ipv4_address: ipv4_address 172.20.0.2 is left out: each target assigns dns an address itself (Docker from the network's pool, a pod IP on Kubernetes, a task's network interface on ECS), so a peer that connects to 172.20.0.2 instead of a name fails. Reach dns by its service name (or an alias) instead of the address.",
      "networks.net.ipam: ipam is left out: each target assigns the addresses of network net from a range of its own (Docker's pool, the cluster's pod network, the VPC's subnets), not from 172.20.0.0/24, so a peer or a rule that relies on an address in 172.20.0.0/24 fails. Reach services by name (or an alias), not by address.",
    ]);
  });

  test('GIVEN a peer that reaches db by its link alias as database:5432 WHEN imported THEN port 5432 is declared on db', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    environment:\n      DATABASE_URL: postgres://database:5432/shop\n    links: ["db:database"]\n  db:\n    image: postgres:16.4\n    restart: always\n');
    expect(imported.system!.toSpec().services.find((s) => s.name === 'db')!.main.ports.map((p) => p.containerPort)).toEqual([5432]);
    expect(message(imported, 'import/inferred-port')).toEqual([
      'services.db: web reaches database:5432 (db), which db does not declare: port 5432 is imported, so that every target lets web reach it. Declare it: expose: ["5432"].',
    ]);
  });

  test('GIVEN a link to a service the file does not have WHEN imported THEN the reference is reported as a link', () => {
    const imported = importText('services:\n  web:\n    image: nginx:1.27\n    restart: always\n    links: ["db:database"]\n');
    expect(message(imported, 'import/unknown-reference')).toEqual(['services.web.links[0]: links db, which is not a service of this file.']);
  });
});
