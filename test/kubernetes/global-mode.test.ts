import { Image, Mount, Port, Service, System, Volume } from '../../lib/model';
import { render } from './render';

describe('Kubernetes: a global service', () => {
  test('GIVEN mode global WHEN rendered THEN it is a DaemonSet selecting its own pods, with no Deployment, and its Service selects them', () => {
    const sys = new System('shop');
    new Service(sys, 'agent', { image: Image.of('prom/node-exporter:v1.8.0'), mode: 'global', ports: [Port.tcp(9100)] });
    const r = render(sys);
    const d = r.get('DaemonSet', 'agent');
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'agent', 'app.kubernetes.io/part-of': 'shop' });
    expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
    expect(Object.keys(d.spec).sort()).toEqual(['selector', 'template']);
    expect(r.has('Deployment', 'agent')).toBe(false);
    expect(r.get('Service', 'agent').spec.selector).toEqual(d.spec.selector.matchLabels);
  });

  test('GIVEN a global service on a volume only it mounts WHEN rendered THEN kubernetes/single-writer-replicas says the pods of several nodes cannot share it', () => {
    const sys = new System('shop');
    const data = new Volume(sys, 'data');
    new Service(sys, 'agent', { image: Image.of('grafana/promtail:2.9.0'), mode: 'global', mounts: [Mount.volume(data, '/data')] });
    const d = render(sys).diagnostic('kubernetes/single-writer-replicas');
    expect(d.path).toBe('shop/agent mode');
    expect(d.message).toBe(
      'a global service runs a pod on every node, and those pods cannot share the single-writer volume data (a ReadWriteOnce claim): the pod of a second node waits on a Multi-Attach error',
    );
  });
});
