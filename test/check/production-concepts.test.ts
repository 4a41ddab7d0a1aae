import { checkApps, type CheckReport } from '../../lib/check';
import { Image, Service, System } from '../../lib/model';
import { conceptOfProp } from '../../lib/check/concepts';
import { exampleSystem } from '../support/examples';

function cell(report: CheckReport, workload: string, concept: string, target: 'compose' | 'kubernetes' | 'ecs' | 'docker' | 'swarm') {
  const w = report.apps[0].workloads.find((x) => x.name === workload);
  return w?.concepts.find((c) => c.concept === concept)?.targets[target];
}

describe('lading check: routes, autoscale and rollout are concepts of their own', () => {
  test('GIVEN webapp in its prod stage WHEN checked THEN routes and autoscale are approximate on Compose and exact on Kubernetes; the database has a rollout', async () => {
    const s = exampleSystem('webapp', 'prod');
    const report = await checkApps([{ name: s.name, file: 'apps/webapp.ts', spec: s.toSpec() }], { targets: ['compose', 'kubernetes'] });
    expect(cell(report, 'web', 'routes', 'compose')?.diagnostics.map((d) => d.code)).toEqual(['compose/route']);
    expect(cell(report, 'api', 'autoscale', 'compose')?.diagnostics.map((d) => d.code)).toEqual(['compose/autoscale']);
    expect(cell(report, 'api', 'autoscale', 'kubernetes')).toEqual({ status: 'exact', diagnostics: [] });
    expect(cell(report, 'db', 'rollout', 'kubernetes')).toEqual({ status: 'exact', diagnostics: [] });
    expect(report.ok).toBe(true);
  });

  test('GIVEN a diagnostic on a route WHEN attributed THEN it counts for routes, not ports', () => {
    expect([conceptOfProp('ports[0].routes'), conceptOfProp('ports[0]'), conceptOfProp('autoscale.max')]).toEqual(['routes', 'ports', 'autoscale']);
  });

  test('GIVEN service labels only WHEN checked THEN labels is a concept of the workload, and docker/service-labels counts for it', async () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), serviceLabels: { 'traefik.enable': 'true' } });
    const report = await checkApps([{ name: 'shop', file: 'apps/shop.ts', spec: sys.toSpec() }], { targets: ['docker', 'swarm'] });
    expect(cell(report, 'web', 'labels', 'docker')?.diagnostics.map((d) => d.code)).toEqual(['docker/service-labels']);
    expect(cell(report, 'web', 'labels', 'swarm')).toEqual({ status: 'exact', diagnostics: [] });
    expect(conceptOfProp('serviceLabels')).toBe('labels');
  });

  test('GIVEN the runtime props of a node agent WHEN a finding names them THEN each is under the concept a person looks for', () => {
    expect(['mode', 'ulimits.nofile', 'extraHosts.db', 'dns', 'devices', 'hostPid'].map(conceptOfProp)).toEqual(['replicas', 'resources', 'networks', 'networks', 'security', 'security']);
  });
});
