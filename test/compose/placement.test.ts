import { Image, Placement, Port, Service, System } from '../../lib/model';
import { renderCompose } from './compose-test-kit';

describe('placement on Compose: one host, kept for docker stack deploy', () => {
  test('GIVEN a placement WHEN rendered THEN deploy.placement keeps it, docker-compose accepts it, and compose/placement says docker compose up does not apply it', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      ports: [Port.tcp(80)],
      platform: 'linux/arm64',
      placement: { constraints: [Placement.nodeLabel('zone', 'eu-1'), Placement.role('worker')], spread: ['zone'], maxReplicasPerNode: 1 },
    });
    const r = renderCompose(sys);
    expect([r.doc.services.web.platform, r.doc.services.web.deploy.placement]).toEqual([
      'linux/arm64',
      { constraints: ['node.labels.zone == eu-1', 'node.role == worker'], preferences: [{ spread: 'node.labels.zone' }], max_replicas_per_node: 1 },
    ]);
    const d = r.diagnostics.find((x) => x.code === 'compose/placement');
    expect([d?.severity, d?.path, d?.message, d?.fix]).toEqual([
      'info',
      'shop/web placement',
      '`docker compose up` runs every container on this one host: the placement of web (node.labels.zone == eu-1, node.role == worker, spread over node.labels.zone, at most 1 per node) is not applied (it stays under deploy.placement for `docker stack deploy`).',
      'Deploy to Swarm, Kubernetes or ECS on EC2 to choose the nodes.',
    ]);
  });
});
