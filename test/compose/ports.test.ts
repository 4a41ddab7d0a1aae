import { Image, Network, Port, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, specWith, withCode } from './compose-test-kit';

const image = Image.of('nginx:1.27');

describe('compose ports', () => {
  test('GIVEN unpublished, fixed and dynamic tcp and udp ports WHEN rendered THEN expose "C/proto", ports "P:C/proto" and "C/proto"', () => {
    const sys = new System('shop');
    new Service(sys, 'echo', {
      image,
      ports: [Port.tcp(45678).publish(45678), Port.tcp(80).publish(8080), Port.udp(1234).publish(), Port.tcp(9000), Port.udp(53)],
    });
    const block = serviceBlock(renderCompose(sys), 'echo');
    expect(block).toContain('    ports:\n      - "45678:45678/tcp"\n      - "8080:80/tcp"\n      - "1234/udp"\n');
    expect(block).toContain('    expose:\n      - "9000/tcp"\n      - "53/udp"\n');
  });

  test('GIVEN a published port on a service whose networks are all internal WHEN rendered THEN compose/internal-network-port', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend', { internal: true });
    new Service(sys, 'api', { image, ports: [Port.tcp(80).publish(8080)], networks: [backend] });
    const out = renderCompose(sys);
    expect(out.doc.services.api.ports).toEqual(['8080:80/tcp']);
    expect(withCode(out, 'compose/internal-network-port')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/api ports[0]',
        message: "port 80/tcp is published, but every network of api is internal, so Docker cannot forward the host's traffic to it.",
      }),
    ]);
  });

  test('GIVEN a fixed host port on a service with 2 replicas WHEN rendered THEN compose/fixed-port-replicas', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, ports: [Port.tcp(80).publish(8080)], replicas: 2 });
    const out = renderCompose(sys);
    expect(withCode(out, 'compose/fixed-port-replicas')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop/web ports[0]',
        message: '2 replicas cannot all bind host port 8080 with `docker compose up` (`docker stack deploy` shares it through its routing mesh).',
      }),
    ]);
  });

  test('GIVEN a spec with ports on host networking (the model refuses it) WHEN rendered THEN no ports or expose, and compose/host-network-port for each port that cannot be honoured', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image, hostNetwork: true });
    const spec = specWith(sys, 'agent', (w) => {
      w.main.ports = [
        { containerPort: 80, protocol: 'tcp', publish: 'fixed', hostPort: 80, name: 'tcp-80' },
        { containerPort: 81, protocol: 'tcp', publish: 'fixed', hostPort: 8081, name: 'tcp-81' },
        { containerPort: 82, protocol: 'udp', publish: 'dynamic', name: 'udp-82' },
        { containerPort: 83, protocol: 'tcp', publish: 'none', name: 'tcp-83' },
      ];
    });
    const out = renderCompose(spec);
    expect(out.doc.services.agent.ports).toBeUndefined();
    expect(out.doc.services.agent.expose).toBeUndefined();
    expect(withCode(out, 'compose/host-network-port').map((d) => `${d.path}: ${d.message}`)).toEqual([
      "shop/agent ports[1]: with host networking, port 81/tcp cannot be published on host port 8081: it is open on the host's port 81.",
      "shop/agent ports[2]: with host networking, port 82/udp is open on the host's own port 82, not on a port Docker picks.",
      "shop/agent ports[3]: with host networking, port 83/tcp is open on the host's own port 83, not only to services on a shared network.",
    ]);
  });
});
