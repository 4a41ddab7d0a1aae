import { Image, Network, Port, Service, System } from '../../lib/model';
import type { SystemSpec, WorkloadSpec } from '../../lib/model/spec';
import { internalNetworkPortText, planPorts } from '../../lib/targets/docker-engine/ports';

const image = Image.of('nginx:1.27');

const workload = (spec: SystemSpec, name: string): WorkloadSpec => {
  const found = [...spec.services, ...spec.jobs].find((w) => w.name === name);
  if (!found) throw new Error(`no workload ${name}`);
  return found;
};

describe('Docker engine port plan', () => {
  test('GIVEN unpublished, fixed and dynamic ports WHEN planned THEN expose "C/proto", publish "P:C/proto" and "C/proto", no problems', () => {
    const sys = new System('shop');
    new Service(sys, 'echo', { image, ports: [Port.tcp(80).publish(8080), Port.udp(1234).publish(), Port.tcp(9000)] });
    const spec = sys.toSpec();
    expect(planPorts(workload(spec, 'echo'), spec.networks)).toEqual([
      { index: 0, publish: '8080:80/tcp', problems: [] },
      { index: 1, publish: '1234/udp', problems: [] },
      { index: 2, expose: '9000/tcp', problems: [] },
    ]);
  });

  test('GIVEN a workload on internal networks only WHEN planned THEN every published port, not an exposed one, has internal-network-port', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend', { internal: true });
    const store = new Network(sys, 'store', { internal: true });
    const front = new Network(sys, 'front');
    new Service(sys, 'api', { image, ports: [Port.tcp(80).publish(8080), Port.tcp(9000)], networks: [backend, store] });
    new Service(sys, 'web', { image, ports: [Port.tcp(80).publish()], networks: [backend, front] });
    const spec = sys.toSpec();
    const api = planPorts(workload(spec, 'api'), spec.networks);
    expect(api).toEqual([
      { index: 0, publish: '8080:80/tcp', problems: [{ kind: 'internal-network-port', own: '80/tcp', workload: 'api' }] },
      { index: 1, expose: '9000/tcp', problems: [] },
    ]);
    const [problem] = api[0].problems;
    if (problem.kind !== 'internal-network-port') throw new Error(`unexpected ${problem.kind}`);
    expect(internalNetworkPortText(problem)).toEqual([
      "port 80/tcp is published, but every network of api is internal, so Docker cannot forward the host's traffic to it.",
      'Add a network that is not internal to the workload, or do not publish the port.',
    ]);
    expect(planPorts(workload(spec, 'web'), spec.networks)).toEqual([{ index: 0, publish: '80/tcp', problems: [] }]);
  });

  test('GIVEN a fixed and a dynamic host port on 3 replicas, and a fixed one on 1 replica WHEN planned THEN fixed-port-replicas only for the fixed port on 3', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, ports: [Port.tcp(80).publish(8080), Port.tcp(81).publish()], replicas: 3 });
    new Service(sys, 'once', { image, ports: [Port.tcp(80).publish(8090)] });
    const spec = sys.toSpec();
    expect(planPorts(workload(spec, 'web'), spec.networks)).toEqual([
      { index: 0, publish: '8080:80/tcp', problems: [{ kind: 'fixed-port-replicas', workload: 'web', replicas: 3, hostPort: 8080, port: 'Port.tcp(80)' }] },
      { index: 1, publish: '81/tcp', problems: [] },
    ]);
    expect(planPorts(workload(spec, 'once'), spec.networks)).toEqual([{ index: 0, publish: '8090:80/tcp', problems: [] }]);
  });

  test('GIVEN internal-only networks and replicas together WHEN planned THEN internal-network-port comes before fixed-port-replicas', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend', { internal: true });
    new Service(sys, 'web', { image, ports: [Port.tcp(80).publish(8080)], networks: [backend], replicas: 2 });
    const spec = sys.toSpec();
    expect(planPorts(workload(spec, 'web'), spec.networks)[0].problems.map((p) => p.kind)).toEqual(['internal-network-port', 'fixed-port-replicas']);
  });
});
