import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import { find, serviceOf, synthEcs, templateOf } from './support/ecs-kit';

describe('aliases on ECS: Service Connect client aliases of every tcp port', () => {
  test('GIVEN a service with aliases and a container name WHEN synthesized THEN every tcp port answers to the service name and each extra name', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432), Port.tcp(9187)], containerName: 'pg', aliases: ['database'] });
    const services = serviceOf(templateOf(sys.toSpec()), 'db').Properties.ServiceConnectConfiguration.Services;
    expect(services.map((s: { ClientAliases: unknown }) => s.ClientAliases)).toEqual([
      [{ DnsName: 'db', Port: 5432 }, { DnsName: 'pg', Port: 5432 }, { DnsName: 'database', Port: 5432 }],
      [{ DnsName: 'db', Port: 9187 }, { DnsName: 'pg', Port: 9187 }, { DnsName: 'database', Port: 9187 }],
    ]);
  });

  test('GIVEN a service with an alias and a job on its network WHEN synthesized THEN ecs/alias-in-job says the job reaches it by its name only', () => {
    const sys = new System('shop');
    const back = new Network(sys, 'back');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back], aliases: ['database'] });
    new Job(sys, 'migrate', { image: Image.of('migrate:1.0'), networks: [back] });
    const d = find(synthEcs(sys.toSpec()).diagnostics, 'ecs/alias-in-job');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/db aliases',
      "migrate resolves services through the zone's DNS records (a job is a standalone task, outside Service Connect), which name db only: database does not resolve there",
      'Reach it as db from migrate.',
    ]);
  });

  test('GIVEN aliases on a service without a tcp port, and on a job WHEN synthesized THEN ecs/alias-without-ports says no name reaches them', () => {
    const sys = new System('shop');
    new Service(sys, 'syslog', { image: Image.of('syslog:1.0'), ports: [Port.udp(514)], aliases: ['logs'] });
    new Job(sys, 'seed', { image: Image.of('seed:1.0'), aliases: ['seeder'] });
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)] });
    const found = synthEcs(sys.toSpec()).diagnostics.filter((d) => d.code === 'ecs/alias-without-ports');
    expect(found.map((d) => [d.path, d.message])).toEqual([
      ['shop/syslog aliases', 'syslog gets no Service Connect names: it declares no tcp port for Service Connect to serve, so a task that looks up logs (or syslog) gets no address'],
      ['shop/seed aliases', 'seed gets no Service Connect names: a job runs as a standalone task with no ports and no Service Connect, so a task that looks up seeder (or seed) gets no address'],
    ]);
  });
});
