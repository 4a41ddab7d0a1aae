import { Dependency, Image, Job, Port, Service, System } from '../../lib/model';
import { pullPolicyOfReference } from '../../lib/targets/kubernetes/pod-defaults';
import { render } from './render';

describe('Kubernetes: Docker’s own defaults on every pod', () => {
  test('GIVEN a service, a sidecar, a job, a CronJob and a wait init container WHEN rendered THEN every pod has RuntimeDefault seccomp and no token, every container a pull policy', () => {
    // GIVEN
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)] });
    const web = new Service(sys, 'web', { image: Image.of('nginx'), dependsOn: [Dependency.started(db)] });
    web.addSidecar('log', { image: Image.of('busybox:latest'), command: ['true'] });
    new Job(sys, 'migrate', { image: Image.of('ghcr.io/org/migrate@sha256:' + 'a'.repeat(64)), command: ['up'], restart: 'no' });
    new Job(sys, 'backup', { image: Image.build({ context: 'apps/backup', tag: 'shop/backup' }), schedule: '0 3 * * *', restart: 'no' });
    // WHEN
    const r = render(sys);
    // THEN
    for (const name of ['db', 'web', 'migrate', 'backup']) {
      expect(r.pod(name).spec.automountServiceAccountToken).toBe(false);
      expect(r.pod(name).spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    }
    expect(r.container('db').imagePullPolicy).toBe('IfNotPresent');
    expect(r.container('web').imagePullPolicy).toBe('Always');
    expect(r.container('web', 'log').imagePullPolicy).toBe('Always');
    expect(r.pod('web').spec.initContainers.map((c: any) => c.imagePullPolicy)).toEqual(['IfNotPresent']);
    expect(r.container('migrate').imagePullPolicy).toBe('IfNotPresent');
    expect(r.container('backup').imagePullPolicy).toBe('IfNotPresent');
  });

  test.each([
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:1.0', 'IfNotPresent'],
    [`nginx@sha256:${'0'.repeat(64)}`, 'IfNotPresent'],
  ])('GIVEN the reference %s THEN the pull policy is %s', (ref, policy) => {
    expect(pullPolicyOfReference(ref)).toBe(policy);
  });
});

describe('Kubernetes: the wait init containers', () => {
  test('GIVEN a dependency on a service with a port WHEN rendered THEN the wait container runs as nobody, read-only, with no capability', () => {
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)] });
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), dependsOn: [Dependency.started(db)] });
    const [wait] = render(sys).pod('web').spec.initContainers;
    expect(wait.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsGroup: 65534,
      runAsNonRoot: true,
      runAsUser: 65534,
    });
  });
});
