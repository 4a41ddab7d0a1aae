import { Image, Job, Network, Port, Service, System } from '../../lib/model';
import { render } from './render';

describe('aliases on Kubernetes: one ClusterIP Service per name, selecting the workload\'s pods', () => {
  test('GIVEN a service with two aliases and a container name WHEN rendered THEN each name is a ClusterIP Service with its ports and its selector', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432), Port.udp(5433)], containerName: 'pg', aliases: ['database', 'postgres'] });
    const r = render(sys);
    const own = r.get('Service', 'db').spec;
    for (const name of ['pg', 'database', 'postgres']) {
      const alias = r.get('Service', name).spec;
      expect([alias.type ?? 'ClusterIP', alias.selector, alias.ports]).toEqual([own.type ?? 'ClusterIP', own.selector, own.ports]);
    }
    expect(r.diagnostics.filter((d) => d.code === 'kubernetes/container-alias').map((d) => d.path)).toEqual(['shop/db containerName']);
  });

  test('GIVEN aliases on a network WHEN rendered THEN the NetworkPolicies select pods, so the alias admits the same peers as the name', () => {
    const sys = new System('shop');
    const back = new Network(sys, 'back', { internal: true });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [back], aliases: ['database'] });
    const r = render(sys);
    const policies = r.objects.filter((o) => o.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) expect(JSON.stringify(p.spec)).not.toContain('database');
    expect(r.get('Service', 'database').spec.selector).toEqual(r.get('Service', 'db').spec.selector);
  });

  test('GIVEN a job with an alias WHEN rendered THEN no Service is made and the warning says a job takes no ports', () => {
    const sys = new System('shop');
    new Job(sys, 'seed', { image: Image.of('seed:1.0'), aliases: ['seeder'] });
    const r = render(sys);
    expect(r.has('Service', 'seeder')).toBe(false);
    expect(r.diagnostic('kubernetes/alias-without-ports').fix).toBe('A job takes no ports: run seed as a Service with the ports it listens on, or drop the names.');
  });
});
