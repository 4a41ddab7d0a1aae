import { Image, Network, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock, withCode } from './compose-test-kit';

const image = Image.of('nginx:1.27');

describe('compose networks', () => {
  test('GIVEN named networks, one internal, WHEN rendered THEN top-level networks keep internal and services join theirs', () => {
    const sys = new System('cats');
    const learning = new Network(sys, 'learning');
    const catsonly = new Network(sys, 'catsonly', { internal: true });
    new Service(sys, 'catserver', { image, networks: [learning, catsonly] });
    new Service(sys, 'dogserver', { image, networks: [learning] });
    const out = renderCompose(sys);
    expect(out.yaml).toContain('networks:\n  catsonly:\n    internal: true\n  learning: {}\n');
    expect(serviceBlock(out, 'catserver')).toContain('    networks:\n      - catsonly\n      - learning\n');
    expect(serviceBlock(out, 'dogserver')).toContain('    networks:\n      - learning\n');
  });

  test('GIVEN a service that names no network WHEN rendered THEN it joins the network named default, rendered at the top level', () => {
    const sys = new System('shop');
    const backend = new Network(sys, 'backend');
    new Service(sys, 'web', { image });
    new Service(sys, 'db', { image, networks: [backend] });
    const out = renderCompose(sys);
    expect(out.yaml).toContain('networks:\n  backend: {}\n  default: {}\n');
    expect(out.doc.services.web.networks).toEqual(['default']);
    expect(out.doc.services.db.networks).toEqual(['backend']);
  });

  test('GIVEN host networking WHEN rendered THEN network_mode: host, no networks, and compose/host-network', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image, hostNetwork: true });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'agent')).toContain('    network_mode: host\n');
    expect(out.doc.services.agent.networks).toBeUndefined();
    expect(withCode(out, 'compose/host-network')).toEqual([
      {
        code: 'compose/host-network',
        severity: 'warning',
        path: 'shop/agent hostNetwork',
        target: 'compose',
        message: "agent shares the host's network stack: every port it opens is open on the host, and it joins no network.",
        fix: 'Leave host networking off unless the workload needs it; publish ports instead.',
      },
    ]);
  });
});
