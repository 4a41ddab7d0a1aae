import { Image, Job, Placement, Port, Service, System, type ServiceProps } from '../../lib/model';
import { validateManifest } from '../support/kubernetes-validators';
import { render } from './render';

function shop(props: Partial<ServiceProps>): System {
  const sys = new System('shop');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], replicas: 3, ...props });
  return sys;
}

const POD_LABELS = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'shop' };

describe('placement on Kubernetes: node affinity, topology spread and one replica per node', () => {
  test('GIVEN node labels, a host name, os, arch and the worker role WHEN rendered THEN the pod requires a node with each, and the manifest is schema-valid', () => {
    const r = render(
      shop({
        placement: {
          constraints: [Placement.nodeLabel('zone', 'eu-1'), Placement.nodeLabel('disk', 'hdd').not(), Placement.hostname('node-7'), Placement.os('linux'), Placement.arch('arm64'), Placement.role('worker')],
          spread: ['topology.kubernetes.io/zone'],
          maxReplicasPerNode: 1,
        },
      }),
    );
    const pod = r.pod('web').spec;
    expect(pod.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'zone', operator: 'In', values: ['eu-1'] },
                { key: 'disk', operator: 'NotIn', values: ['hdd'] },
                { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-7'] },
                { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
                { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
                { key: 'node-role.kubernetes.io/control-plane', operator: 'DoesNotExist' },
              ],
            },
          ],
        },
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: POD_LABELS }, topologyKey: 'kubernetes.io/hostname' }] },
    });
    expect(pod.topologySpreadConstraints).toEqual([{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: POD_LABELS } }]);
    expect(r.pod('web').metadata.labels).toMatchObject(POD_LABELS);
    expect(r.codes.filter((c) => c.includes('placement') || c.includes('replicas-per-node'))).toEqual([]);
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('GIVEN a job with a placement WHEN rendered THEN its pod requires the node too', () => {
    const sys = new System('shop');
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), placement: { constraints: [Placement.nodeLabel('db', 'true')] } });
    const r = render(sys);
    expect(r.pod('migrate').spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions).toEqual([{ key: 'db', operator: 'In', values: ['true'] }]);
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test.each<[string, Placement, string, string]>([
    [
      'the manager role',
      Placement.role('manager'),
      'Kubernetes keeps workloads off its control plane (managed clusters have none): node.role == manager is left out, and web runs on any worker node.',
      "Label the nodes web must run on (kubectl label node <node> role=<value>) and write Placement.nodeLabel('role', '<value>').",
    ],
    [
      'a Swarm node id',
      Placement.nodeId('x1y2'),
      'node.id == x1y2 names a Swarm node id, which a Kubernetes node does not have: it is left out, and web runs on any node.',
      'Label the nodes web must run on (kubectl label node <node> key=value) and write Placement.nodeLabel(key, value).',
    ],
    [
      'a Docker engine label',
      Placement.engineLabel('operatingsystem', 'ubuntu 22.04'),
      'engine.labels.operatingsystem == ubuntu 22.04 names a Docker engine label, which a Kubernetes node does not have: it is left out, and web runs on any node.',
      'Label the nodes web must run on (kubectl label node <node> key=value) and write Placement.nodeLabel(key, value).',
    ],
    [
      'a label value Kubernetes refuses',
      Placement.nodeLabel('site', 'paris north'),
      'node.labels.site == paris north is not a Kubernetes node label (site=paris north): a label key is [prefix/]name and a value at most 63 letters, digits, -, _ and .; it is left out, and web runs on any node.',
      'Label the nodes with a valid key and value and write Placement.nodeLabel(key, value).',
    ],
  ])('GIVEN %s WHEN rendered THEN kubernetes/placement says it is left out, and the pod has no affinity', (_, rule, message, fix) => {
    const r = render(shop({ placement: { constraints: [rule] } }));
    const d = r.diagnostic('kubernetes/placement');
    expect([d.severity, d.path, d.message, d.fix]).toEqual(['warning', 'shop/web placement.constraints[0]', message, fix]);
    expect(r.pod('web').spec.affinity).toBeUndefined();
  });

  test('GIVEN at most 2 replicas per node WHEN rendered THEN kubernetes/max-replicas-per-node says Kubernetes has no such cap', () => {
    const r = render(shop({ placement: { maxReplicasPerNode: 2 } }));
    const d = r.diagnostic('kubernetes/max-replicas-per-node');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/web placement.maxReplicasPerNode',
      "Kubernetes has no cap on the replicas per node (a topology spread's maxSkew bounds the difference between nodes, not the count): one node may run more than 2 replicas of web.",
      'Write maxReplicasPerNode: 1 (required pod anti-affinity on kubernetes.io/hostname), or leave it out.',
    ]);
    expect(r.pod('web').spec.affinity).toBeUndefined();
  });

  test('GIVEN a platform and a placement WHEN rendered THEN the node selector and the node affinity both apply', () => {
    const pod = render(shop({ platform: 'linux/arm64', placement: { constraints: [Placement.nodeLabel('zone', 'eu-1')] } })).pod('web').spec;
    expect([pod.nodeSelector, pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions]).toEqual([
      { 'kubernetes.io/arch': 'arm64', 'kubernetes.io/os': 'linux' },
      [{ key: 'zone', operator: 'In', values: ['eu-1'] }],
    ]);
  });
});
