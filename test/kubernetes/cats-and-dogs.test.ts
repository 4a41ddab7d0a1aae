import catsAndDogs from '../../apps/cats-and-dogs';
import { EXTERNAL, NetworkPolicyEvaluator } from '../support/network-policy-evaluator';
import { render } from './render';

describe('Kubernetes: cats-and-dogs, by evaluating its NetworkPolicies', () => {
  // GIVEN Docker's networking walk-through: catserver on learning + catsonly, dogserver on learning, catnip on catsonly
  const r = render(catsAndDogs);
  const net = new NetworkPolicyEvaluator(r.objects);
  const pods = net.pods(r.objects);
  /** The pod port behind a Service port, as kube-proxy resolves it. */
  const target = (service: string, port: number): number =>
    r.get('Service', service).spec.ports.find((p: any) => p.port === port).targetPort;

  test('dogserver reaches catserver (they share learning)', () => {
    expect(net.allows(pods.dogserver, pods.catserver, target('catserver', 80))).toBe(true);
  });

  test('dogserver does not reach catnip, which is on catsonly alone', () => {
    expect(net.allows(pods.dogserver, pods.catnip, target('catnip', 6379))).toBe(false);
  });

  test('catserver reaches catnip (they share catsonly), and catnip reaches catserver', () => {
    expect(net.allows(pods.catserver, pods.catnip, 6379)).toBe(true);
    expect(net.allows(pods.catnip, pods.catserver, 80)).toBe(true);
  });

  test('from outside, only the published dogserver port is open', () => {
    expect(net.allows(EXTERNAL, pods.dogserver, target('dogserver-lb', 8080))).toBe(true);
    expect(net.allows(EXTERNAL, pods.catserver, 80)).toBe(false);
    expect(net.allows(EXTERNAL, pods.catnip, 6379)).toBe(false);
  });
});
