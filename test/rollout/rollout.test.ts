import { parse } from 'yaml';
import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { render as renderK8s } from '../kubernetes/render';
import { templateOf } from '../ecs/support/ecs-kit';
import { renderWith } from '../support/target-kit';
import { swarmTarget } from '../../lib/targets/swarm';

/** A system with a database on its own volume, and a web service without one. */
function stateful(replicas = 1) {
  const sys = new System('shop');
  const data = new Volume(sys, 'pgdata');
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/var/lib/postgresql/data')], replicas });
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), replicas: 2 });
  return sys;
}

describe('safe rollouts for state', () => {
  test('GIVEN a service that alone mounts a volume WHEN specified THEN its rollout is recreate; one without a volume rolls', () => {
    const spec = stateful().toSpec();
    expect(spec.services.map((s) => [s.name, s.rollout])).toEqual([
      ['db', 'recreate'],
      ['web', 'rolling'],
    ]);
  });

  test('GIVEN a volume two services share (ReadWriteMany) WHEN specified THEN both roll, and replicas are allowed', () => {
    const sys = new System('shop');
    const shared = new Volume(sys, 'shared');
    new Service(sys, 'a', { image: Image.of('busybox:1.36'), mounts: [Mount.volume(shared, '/data')], replicas: 2 });
    new Service(sys, 'b', { image: Image.of('busybox:1.36'), mounts: [Mount.volume(shared, '/data', { readOnly: true })] });
    expect(sys.toSpec().services.map((s) => s.rollout)).toEqual(['rolling', 'rolling']);
  });

  test('GIVEN replicas: 2 on a single-writer volume WHEN rendered for Kubernetes THEN a located error says how to choose; Compose keeps both on one host', () => {
    const r = renderK8s(stateful(2));
    expect(r.yaml).toBe('');
    expect(r.diagnostic('kubernetes/single-writer-replicas')).toMatchObject({ severity: 'error', path: 'shop/db replicas' });
    expect(renderWith(swarmTarget, stateful(2), (app) => `${app}/stack.yaml`).text).toContain('replicas: 2');
  });

  test('GIVEN the database WHEN rendered for Kubernetes THEN its Deployment is recreated; the web one keeps the rolling update of the cluster', () => {
    const r = renderK8s(stateful());
    expect(r.get('Deployment', 'db').spec.strategy).toEqual({ type: 'Recreate' });
    expect(r.get('Deployment', 'web').spec.strategy).toBeUndefined();
  });

  test('GIVEN the database WHEN rendered for ECS THEN the old task stops first (0% / 100%); web starts the new one first', () => {
    const t = templateOf(stateful().toSpec());
    t.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'db', DeploymentConfiguration: { MinimumHealthyPercent: 0, MaximumPercent: 100 } });
    t.hasResourceProperties('AWS::ECS::Service', { ServiceName: 'web', DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 200 } });
  });

  test('GIVEN the database WHEN rendered for Swarm THEN the old task stops first on update and rollback', () => {
    const out = renderWith(swarmTarget, stateful(), (app) => `${app}/stack.yaml`);
    const deploy = (parse(out.text) as { services: Record<string, { deploy: Record<string, { order: string }> }> }).services;
    expect([deploy.db.deploy.update_config.order, deploy.db.deploy.rollback_config.order, deploy.web.deploy.update_config.order]).toEqual(['stop-first', 'stop-first', 'start-first']);
  });
});
