import { Image, Placement, Port, Service, System, type ServiceProps } from '../../lib/model';
import { renderSwarm } from './swarm-test-kit';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], replicas: 3, ...props });
  return sys;
}

describe('placement on Swarm: deploy.placement as written', () => {
  test('GIVEN every kind of rule, spread labels and a cap WHEN rendered THEN deploy.placement says each in Swarm\'s words, and docker stack config accepts it', () => {
    const r = renderSwarm(
      shop({
        placement: {
          constraints: [Placement.nodeLabel('zone', 'eu-1'), Placement.role('manager').not(), Placement.hostname('node-7'), Placement.os('linux'), Placement.arch('arm64'), Placement.engineLabel('disk', 'ssd'), Placement.nodeId('x1y2')],
          spread: ['zone', 'rack'],
          maxReplicasPerNode: 2,
        },
      }),
    );
    expect(r.doc.services.web.deploy.placement).toEqual({
      constraints: ['node.labels.zone == eu-1', 'node.role != manager', 'node.hostname == node-7', 'node.platform.os == linux', 'node.platform.arch == aarch64', 'engine.labels.disk == ssd', 'node.id == x1y2'],
      preferences: [{ spread: 'node.labels.zone' }, { spread: 'node.labels.rack' }],
      max_replicas_per_node: 2,
    });
    expect(r.codes).not.toContain('swarm/placement');
  });

  test('GIVEN a platform and the same architecture as a rule WHEN rendered THEN each constraint is written once, the platform\'s first', () => {
    const r = renderSwarm(shop({ platform: 'linux/amd64', placement: { constraints: [Placement.arch('amd64'), Placement.nodeLabel('zone', 'eu-1')] } }));
    expect(r.doc.services.web.deploy.placement).toEqual({ constraints: ['node.platform.os == linux', 'node.platform.arch == x86_64', 'node.labels.zone == eu-1'] });
  });

  test('GIVEN a sidecar WHEN rendered THEN its service is placed by the same rules', () => {
    const sys = shop({ placement: { constraints: [Placement.nodeLabel('zone', 'eu-1')] } });
    (sys.node.findChild('web') as Service).addSidecar('log', { image: Image.of('busybox:1.36') });
    const r = renderSwarm(sys);
    expect(r.doc.services['web-log'].deploy.placement).toEqual({ constraints: ['node.labels.zone == eu-1'] });
  });
});
