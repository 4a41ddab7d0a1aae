import { Image, Network, Port, Service, System } from '../../lib/model';
import { EXTERNAL, NetworkPolicyEvaluator } from '../support/network-policy-evaluator';
import { render } from './render';

/** web (frontend, publishes 8080->80), api (frontend + backend), db (backend, internal). */
function webapp() {
  const sys = new System('webapp');
  const frontend = new Network(sys, 'frontend');
  const backend = new Network(sys, 'backend', { internal: true });
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], networks: [backend] });
  new Service(sys, 'api', { image: Image.of('api:1.0'), ports: [Port.tcp(8000)], networks: [frontend, backend] });
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)], networks: [frontend] });
  const r = render(sys);
  const net = new NetworkPolicyEvaluator(r.objects);
  return { r, net, pods: net.pods(r.objects) };
}

describe('Kubernetes: networks', () => {
  test('one NetworkPolicy per network, and pods labelled with their networks', () => {
    const { r } = webapp();
    const policies = r.objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata!.name);
    // one per network, plus one that opens the published port of web
    expect(policies).toEqual(['webapp-network-backend', 'webapp-network-frontend', 'webapp-published-web']);
    expect(r.pod('api').metadata.labels).toMatchObject({ 'networks.lading.io/backend': 'true', 'networks.lading.io/frontend': 'true' });
    const frontend = { matchLabels: { 'app.kubernetes.io/part-of': 'webapp', 'networks.lading.io/frontend': 'true' } };
    expect(r.get('NetworkPolicy', 'webapp-network-frontend').spec).toEqual({
      egress: [{}],
      ingress: [{ from: [{ podSelector: frontend }] }],
      podSelector: frontend,
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  test('a pod accepts traffic only from pods that share one of its networks', () => {
    const { net, pods } = webapp();
    expect(net.allows(pods.web, pods.api, 8000)).toBe(true);
    expect(net.allows(pods.api, pods.db, 5432)).toBe(true);
    expect(net.allows(pods.web, pods.db, 5432)).toBe(false);
    expect(net.allows(pods.db, pods.web, 80)).toBe(false);
  });

  test('published ports stay reachable from outside, and only those', () => {
    const { net, pods } = webapp();
    expect(net.allows(EXTERNAL, pods.web, 80)).toBe(true);
    expect(net.allows(EXTERNAL, pods.web, 81)).toBe(false);
    expect(net.allows(EXTERNAL, pods.api, 8000)).toBe(false);
  });

  test('an internal network limits its members egress to the members and DNS', () => {
    const { r, net, pods } = webapp();
    const outside = { name: 'internet', namespace: 'elsewhere', labels: {}, namedPorts: {} };
    const dns = { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, namedPorts: {} };
    // db is only on the internal network: it reaches its members and DNS, nothing else
    expect(net.allows(pods.db, pods.api, 8000)).toBe(true);
    expect(net.allows(pods.db, dns, 53, 'UDP')).toBe(true);
    expect(net.allows(pods.db, outside, 443)).toBe(false);
    // api is also on a network that is not internal: it reaches out, as in Docker
    expect(net.allows(pods.api, outside, 443)).toBe(true);
    expect(r.get('NetworkPolicy', 'webapp-network-backend').spec.egress).toEqual([
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'webapp', 'networks.lading.io/backend': 'true' } } }] },
      { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
    ]);
  });

  test('the default network is a network like the others', () => {
    const sys = new System('two');
    new Service(sys, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80)] });
    new Service(sys, 'b', { image: Image.of('b:1') });
    const r = render(sys);
    const net = new NetworkPolicyEvaluator(r.objects);
    const pods = net.pods(r.objects);
    expect(r.has('NetworkPolicy', 'two-network-default')).toBe(true);
    expect(pods.a.labels['networks.lading.io/default']).toBe('true');
    expect(net.allows(pods.b, pods.a, 80)).toBe(true);
    expect(net.allows(EXTERNAL, pods.a, 80)).toBe(false);
  });

  test('the networkPolicies option off writes no NetworkPolicy', () => {
    const sys = new System('open', { targetOptions: { kubernetes: { networkPolicies: false } } });
    new Service(sys, 'a', { image: Image.of('a:1'), ports: [Port.tcp(80).publish(8080)] });
    const r = render(sys);
    expect(r.objects.filter((o) => o.kind === 'NetworkPolicy')).toEqual([]);
    expect(r.codes).toContain('kubernetes/network-policies-off');
  });

  test('a service is reached by its name: the Service DNS name is the service name, on the container port', () => {
    const { r } = webapp();
    expect(r.get('Service', 'db').spec.ports[0]).toMatchObject({ port: 5432, targetPort: 5432 });
  });
});
