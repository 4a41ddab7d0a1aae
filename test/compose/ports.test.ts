import { Image, Network, Port, Service, System } from '../../lib/model';
import { Testing } from '../../lib/testing';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

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

  test('GIVEN a fixed host port on a service with 2 replicas WHEN synthesized for Compose THEN one error says so, the lint rule, and the target adds no second line', async () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image, ports: [Port.tcp(80).publish(8080)], replicas: 2 });
    expect(renderCompose(sys).diagnostics.filter((d) => d.path === 'shop/web ports[0]')).toEqual([]);
    const { diagnostics } = await Testing.synth(sys, 'compose');
    expect(diagnostics.filter((d) => d.path === 'shop/web ports[0]').map((d) => [d.severity, d.code, d.message])).toEqual([
      ['error', 'lint/fixed-port-replicas', '2 replicas cannot all publish host port 8080 with docker compose up'],
    ]);
  });
});
