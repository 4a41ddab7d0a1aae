import { Image, Mount, Service, System, Volume } from '../lib/model';

/**
 * Two containers sharing a volume, as with `docker run --volumes-from`: the writer appends to a log on the
 * shared volume, the reader follows it.
 */
const app = new System('shared-data');

const shared = new Volume(app, 'shared', { size: '1Gi' });

/** Root without capabilities and a read-only root: both write only to volumes, which a fresh volume gives to root. */
const security = { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, noNewPrivileges: true };

const writer = new Service(app, 'writer', {
  image: Image.of('busybox:1.36'),
  command: ['sh', '-c', 'while true; do date >> /data/log.txt; sleep 5; done'],
  mounts: [Mount.volume(shared, '/data'), Mount.ephemeral('/scratch', { sizeLimit: '16m' })],
  resources: { memory: '32m', cpus: 0.1 },
  logging: { maxSize: '1m', maxFiles: 2 },
  security,
  suppress: { 'lint/runs-as-root': 'a fresh volume is owned by root; neither container holds a capability' },
});

writer.addSidecar('reader', {
  image: Image.of('busybox:1.36'),
  command: ['sh', '-c', 'touch /data/log.txt; tail -f /data/log.txt'],
  volumesFrom: true,
  security,
  resources: { memory: '32m', cpus: 0.1 },
  logging: { maxSize: '1m', maxFiles: 2 },
});

export default app;
