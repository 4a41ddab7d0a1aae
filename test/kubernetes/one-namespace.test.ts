import { renderKubernetes } from '../../lib/targets/kubernetes';
import { loadExamples } from '../support/examples';
import { parseManifest, type K8sObject } from '../support/kubernetes-validators';
import { matches, NetworkPolicyEvaluator } from '../support/network-policy-evaluator';

/** Every example's manifest, parsed, each object with the app it came from: as if all were applied to one namespace. */
const all: Array<{ app: string; object: K8sObject }> = loadExamples().flatMap((app) => {
  const text = renderKubernetes(app.spec).files[0]?.content ?? '';
  return parseManifest(text).map((object) => ({ app: app.name, object }));
});

describe('Kubernetes: every example applied to one namespace', () => {
  test('GIVEN every example WHEN applied to one namespace THEN no two objects have the same kind and name', () => {
    const seen = new Map<string, string[]>();
    for (const { app, object } of all) {
      const key = `${object.kind}/${object.metadata?.name}`;
      seen.set(key, [...(seen.get(key) ?? []), app]);
    }
    expect([...seen].filter(([, apps]) => apps.length > 1)).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  });

  test('GIVEN every example WHEN applied to one namespace THEN every NetworkPolicy selects, and admits from pods, of its own app only', () => {
    const objects = all.map((x) => x.object);
    const pods = Object.values(new NetworkPolicyEvaluator(objects).pods(objects));
    const appOf = (labels: Readonly<Record<string, string>>) => labels['app.kubernetes.io/part-of'];
    const policies = all.filter((x) => x.object.kind === 'NetworkPolicy');
    expect(policies.length).toBeGreaterThan(7);
    for (const { app, object } of policies) {
      const spec = object.spec as any;
      const selectors = [spec.podSelector, ...[...(spec.ingress ?? []), ...(spec.egress ?? [])].flatMap((r: any) => [...(r.from ?? []), ...(r.to ?? [])]).map((p: any) => p.podSelector)];
      for (const selector of selectors.filter((s) => s !== undefined)) {
        const selected = pods.filter((p) => matches(selector, p.labels));
        expect({ policy: object.metadata?.name, apps: [...new Set(selected.map((p) => appOf(p.labels)))] }).toEqual({ policy: object.metadata?.name, apps: [app] });
      }
    }
  });
});
