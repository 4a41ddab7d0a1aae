import { Image, Job, Service, System } from '../../lib/model';
import { validateManifest } from '../support/kubernetes-validators';
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

  test('service labels are metadata of the Deployment, Job and CronJob, not of their pods; selectors are unchanged', () => {
    // GIVEN service labels (Compose deploy.labels) beside container labels, one key in both, one value that is no label value
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      labels: { tier: 'web' },
      serviceLabels: { tier: 'edge', 'traefik.enable': 'true', 'traefik.http.routers.web.rule': 'Host(`shop.example.com`)' },
    });
    new Job(sys, 'report', { image: Image.of('shop/report:1'), schedule: '0 3 * * *', serviceLabels: { 'com.example/kind': 'report' } });
    // WHEN rendered
    const r = render(sys);
    // THEN the workload objects carry them, as labels where valid and annotations otherwise, and the pods do not
    const web = r.get('Deployment', 'web');
    expect(web.metadata.labels).toMatchObject({ tier: 'edge', 'traefik.enable': 'true' });
    expect(web.metadata.annotations).toEqual({ 'traefik.http.routers.web.rule': 'Host(`shop.example.com`)' });
    expect(r.pod('web').metadata.labels.tier).toBe('web');
    expect(r.pod('web').metadata.labels['traefik.enable']).toBeUndefined();
    expect(r.pod('web').metadata.annotations).toBeUndefined();
    expect(web.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'shop' });
    expect(r.get('CronJob', 'report').metadata.labels['com.example/kind']).toBe('report');
    expect(r.pod('report').metadata.labels['com.example/kind']).toBeUndefined();
    expect(r.diagnostic('kubernetes/label-as-annotation').path).toBe('shop/web serviceLabels.traefik.http.routers.web.rule');
    expect(validateManifest(r.yaml)).toEqual([]);
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
