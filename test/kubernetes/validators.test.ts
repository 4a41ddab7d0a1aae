import { validateObjects } from '../support/kubernetes-validators';

/** A valid Deployment, to break one thing at a time. */
function deployment(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http-80' }] }] },
      },
    },
  };
}

describe('the Kubernetes manifest validator', () => {
  test('passes a valid Deployment', () => {
    expect(validateObjects([deployment()])).toEqual([]);
  });

  test('catches a string containerPort (schema)', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].ports[0].containerPort = '80';
    expect(validateObjects([d])).toEqual([
      expect.objectContaining({ object: 'Deployment/web', check: 'schema', path: '/spec/template/spec/containers/0/ports/0/containerPort' }),
    ]);
  });

  test('catches a missing required field (schema)', () => {
    const d = deployment();
    delete d.spec.template.spec.containers[0].name;
    expect(validateObjects([d]).map((p) => p.check)).toContain('schema');
  });

  test('catches an unknown field, however deep', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    d.spec.replica = 2;
    const problems = validateObjects([d]);
    expect(problems.map((p) => `${p.check} ${p.path} ${p.message}`).sort()).toEqual([
      'unknown-field /spec/replica unknown field replica',
      'unknown-field /spec/template/spec/containers/0/imagePullPolicyy unknown field imagePullPolicyy',
    ]);
  });

  test('catches an unknown kind', () => {
    expect(validateObjects([{ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }]).map((p) => p.check)).toContain('schema');
  });

  test('catches bad names: object, container, port, label', () => {
    const d = deployment();
    d.metadata.name = 'Web_App';
    d.spec.template.spec.containers[0].name = 'Web';
    d.spec.template.spec.containers[0].ports[0].name = 'http-port-number-80';
    d.spec.template.metadata.labels['bad key!'] = 'x';
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: '1web' },
      spec: { ports: [{ port: 80, name: 'HTTP' }], selector: { app: 'a value with spaces' } },
    };
    const problems = validateObjects([d, service]).filter((p) => p.check === 'name');
    expect(problems.map((p) => `${p.object} ${p.path}`)).toEqual([
      'Deployment/Web_App /metadata/name',
      "Deployment/Web_App /spec/template/metadata/labels/bad key!",
      'Deployment/Web_App /spec/template/spec/containers/0/name',
      'Deployment/Web_App /spec/template/spec/containers/0/ports/0/name',
      'Service/1web /metadata/name',
      'Service/1web /spec/ports/0/name',
      'Service/1web /spec/selector/app',
    ]);
  });

  test('catches a mount of an undeclared volume', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }];
    expect(validateObjects([d])).toEqual([expect.objectContaining({ check: 'name', message: 'mounts undeclared volume "data"' })]);
  });
});
