import { EXTERNAL, NetworkPolicyEvaluator, Pod } from '../support/network-policy-evaluator';

const pod = (name: string, labels: Record<string, string>, namedPorts: Record<string, number> = {}): Pod => ({ name, namespace: 'default', labels, namedPorts });
const policy = (name: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec });

describe('the NetworkPolicy evaluator of the tests', () => {
  const a = pod('a', { role: 'a' });
  const b = pod('b', { role: 'b' }, { http: 8080 });

  test('a pod that no policy selects is open', () => {
    expect(new NetworkPolicyEvaluator([]).allows(a, b, 80)).toBe(true);
    expect(new NetworkPolicyEvaluator([policy('p', { podSelector: { matchLabels: { role: 'c' } }, ingress: [] })]).allows(a, b, 80)).toBe(true);
  });

  test('a selected pod with no rule accepts nothing', () => {
    const net = new NetworkPolicyEvaluator([policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })]);
    expect(net.allows(a, b, 80)).toBe(false);
    expect(net.allows(EXTERNAL, b, 80)).toBe(false);
  });

  test('policies add up; ports, named ports and protocols are matched', () => {
    const net = new NetworkPolicyEvaluator([
      policy('deny', { podSelector: {}, policyTypes: ['Ingress'] }),
      policy('from-a', { podSelector: { matchLabels: { role: 'b' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'a' } } }], ports: [{ port: 'http' }] }] }),
    ]);
    expect(net.allows(a, b, 8080)).toBe(true);
    expect(net.allows(a, b, 8080, 'UDP')).toBe(false);
    expect(net.allows(a, b, 80)).toBe(false);
    expect(net.allows(b, a, 8080)).toBe(false);
  });

  test('egress is checked on the sender; without policyTypes a policy is Ingress, plus Egress when it has egress rules', () => {
    const egressOnly = { podSelector: { matchLabels: { role: 'a' } }, egress: [{ to: [{ podSelector: { matchLabels: { role: 'c' } } }] }] };
    const implicit = new NetworkPolicyEvaluator([policy('out', egressOnly)]);
    expect(implicit.allows(a, b, 80)).toBe(false);
    expect(implicit.allows(b, a, 80)).toBe(false);
    const explicit = new NetworkPolicyEvaluator([policy('out', { ...egressOnly, policyTypes: ['Egress'] })]);
    expect(explicit.allows(a, b, 80)).toBe(false);
    expect(explicit.allows(b, a, 80)).toBe(true);
  });

  test('a pod selector matches only in the policy namespace; an ipBlock 0.0.0.0/0 matches clients outside', () => {
    const other = { ...a, namespace: 'other' };
    const net = new NetworkPolicyEvaluator([
      policy('p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'a' } } }, { ipBlock: { cidr: '0.0.0.0/0' } }] }] }),
    ]);
    expect(net.allows(a, b, 80)).toBe(true);
    expect(net.allows(other, b, 80)).toBe(false);
    expect(net.allows(EXTERNAL, b, 80)).toBe(true);
  });
});
