import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { render } from './render';

describe('Kubernetes: volumes', () => {
  test('a persistent named volume is a PersistentVolumeClaim with its size, ReadWriteOnce, mounted by name', () => {
    // GIVEN postgres on a 10Gi volume
    const sys = new System('shop');
    const pgdata = new Volume(sys, 'pgdata', { size: '10Gi' });
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(pgdata, '/var/lib/postgresql/data')] });
    // WHEN rendered
    const r = render(sys);
    // THEN a claim of 10Gi, and the pod mounts it
    const claim = r.get('PersistentVolumeClaim', 'pgdata');
    expect(claim.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } });
    expect(r.pod('db').spec.volumes).toEqual([{ name: 'pgdata', persistentVolumeClaim: { claimName: 'pgdata' } }]);
    expect(r.container('db').volumeMounts).toEqual([{ mountPath: '/var/lib/postgresql/data', name: 'pgdata' }]);
  });

  test('a postgres container can write its data directory: no read-only root, no non-root rule, no read-only mount', () => {
    const sys = new System('shop');
    const pgdata = new Volume(sys, 'pgdata');
    new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(pgdata, '/var/lib/postgresql/data')] });
    const r = render(sys);
    expect(r.yaml).not.toMatch(/readOnlyRootFilesystem|runAsNonRoot|allowPrivilegeEscalation|readOnly/);
    expect(r.pod('db').spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('a volume mounted by several workloads is ReadWriteMany; a storage class is kept', () => {
    // GIVEN one volume on a given storage class, used by two services
    const sys = new System('shop');
    const shared = new Volume(sys, 'shared', { size: '5Gi', storageClass: 'nfs' });
    new Service(sys, 'a', { image: Image.of('busybox:1.36'), mounts: [Mount.volume(shared, '/data')] });
    new Service(sys, 'b', { image: Image.of('busybox:1.36'), mounts: [Mount.volume(shared, '/data', { readOnly: true })] });
    // WHEN rendered
    const r = render(sys);
    // THEN the claim asks for RWX on that class, and the read-only mount stays read-only
    expect(r.get('PersistentVolumeClaim', 'shared').spec).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '5Gi' } },
      storageClassName: 'nfs',
    });
    expect(r.container('b').volumeMounts).toEqual([{ mountPath: '/data', name: 'shared', readOnly: true }]);
    expect(r.codes).toContain('kubernetes/shared-volume');
  });

  test('an ephemeral volume is an emptyDir; tmpfs is medium Memory; its size limit is kept', () => {
    // GIVEN a cache on disk and a tmpfs of 64m
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('nginx:1.27'),
      mounts: [Mount.ephemeral('/cache'), Mount.ephemeral('/run/tmp', { tmpfs: true, sizeLimit: '64m', name: 'tmp' })],
    });
    // WHEN rendered
    const r = render(sys);
    // THEN two emptyDirs
    expect(r.pod('web').spec.volumes).toEqual([
      { emptyDir: {}, name: 'cache' },
      { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' }, name: 'tmp' },
    ]);
  });

  test('an absolute bind mount is a hostPath volume', () => {
    const sys = new System('ops');
    new Service(sys, 'agent', { image: Image.of('agent:1.0'), mounts: [Mount.bind('/var/log', '/host/log', { readOnly: true })] });
    const r = render(sys);
    expect(r.pod('agent').spec.volumes).toEqual([{ hostPath: { path: '/var/log' }, name: 'host' }]);
    expect(r.container('agent').volumeMounts).toEqual([{ mountPath: '/host/log', name: 'host', readOnly: true }]);
    expect(r.codes).toContain('kubernetes/host-path');
  });

  test('a bind mount relative to the project is left out, with a warning that says what to do', () => {
    const sys = new System('dev');
    new Service(sys, 'box', { image: Image.of('box:1.0'), mounts: [Mount.bind('./src', '/app')] });
    const r = render(sys);
    expect(r.container('box')).not.toHaveProperty('volumeMounts');
    expect(r.pod('box').spec).not.toHaveProperty('volumes');
    expect(r.diagnostic('kubernetes/relative-bind').severity).toBe('warning');
  });

  test('sidecars run in the same Pod and share the volumes of the main container', () => {
    // GIVEN a writer with a reader sidecar that mounts its volumes (volumes-from)
    const sys = new System('shared-data');
    const shared = new Volume(sys, 'shared');
    const writer = new Service(sys, 'writer', {
      image: Image.of('busybox:1.36'),
      mounts: [Mount.volume(shared, '/data'), Mount.ephemeral('/scratch')],
    });
    writer.addSidecar('reader', { image: Image.of('busybox:1.36'), command: ['tail', '-f', '/data/log.txt'], volumesFrom: true });
    // WHEN rendered
    const r = render(sys);
    // THEN one Deployment, two containers, one set of volumes
    expect(r.objects.filter((o) => o.kind === 'Deployment')).toHaveLength(1);
    const spec = r.pod('writer').spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['writer', 'reader']);
    expect(spec.volumes.map((v: any) => v.name)).toEqual(['shared', 'scratch']);
    expect(r.container('writer', 'reader').volumeMounts).toEqual(r.container('writer').volumeMounts);
    expect(r.get('PersistentVolumeClaim', 'shared').spec.accessModes).toEqual(['ReadWriteOnce']);
  });
});
