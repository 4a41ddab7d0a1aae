import { Image, Service, System } from '../../lib/model';
import { render } from './render';

describe('Kubernetes: labels, annotations, namespace', () => {
  test('valid labels are labels of the workload and its pods; the others are annotations', () => {
    // GIVEN Docker labels, one with a value Kubernetes cannot carry as a label
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), labels: { tier: 'edge', 'com.example/team': 'web', description: 'the public web site' } });
    // WHEN rendered
    const r = render(sys);
    // THEN labels where valid, annotations otherwise
    const d = r.get('Deployment', 'web');
    expect(d.metadata.labels).toMatchObject({ tier: 'edge', 'com.example/team': 'web' });
    expect(d.metadata.annotations).toEqual({ description: 'the public web site' });
    expect(r.pod('web').metadata.labels).toMatchObject({ tier: 'edge', 'com.example/team': 'web' });
    expect(r.pod('web').metadata.annotations).toEqual({ description: 'the public web site' });
    expect(r.codes).toContain('kubernetes/label-as-annotation');
  });

  test('every object carries the app labels; the namespace option puts every object in the namespace', () => {
    const sys = new System('shop', { targetOptions: { kubernetes: { namespace: 'prod' } } });
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const r = render(sys);
    for (const o of r.objects) {
      expect((o.metadata as any).namespace).toBe('prod');
      expect((o.metadata as any).labels).toMatchObject({ 'app.kubernetes.io/part-of': 'shop', 'app.kubernetes.io/managed-by': 'lading' });
    }
  });

  test('without the option no namespace is written: kubectl apply -n decides', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    expect(render(sys).yaml).not.toContain('namespace:');
  });

  test('none of cdk8s-plus-27 pod and rollout defaults reach the manifest: only Docker’s own defaults are written', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const r = render(sys);
    const d = r.get('Deployment', 'web');
    for (const key of ['minReadySeconds', 'progressDeadlineSeconds', 'strategy']) expect(d.spec).not.toHaveProperty(key);
    for (const key of ['dnsPolicy', 'hostNetwork', 'restartPolicy', 'setHostnameAsFQDN', 'terminationGracePeriodSeconds']) {
      expect(d.spec.template.spec).not.toHaveProperty(key);
    }
    expect(d.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(d.spec.template.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    expect(d.spec.template.spec.containers).toEqual([{ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', name: 'web' }]);
  });
});
