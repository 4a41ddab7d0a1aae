import { HealthCheck, Image, Mount, Port, Service, System, Volume } from '../lib/model';

/** A private image registry: `docker run -d -p 5000:5000 --restart=always -v registry-data:/var/lib/registry registry:2`. */
const app = new System('registry');

const data = new Volume(app, 'registry-data', { size: '20Gi' });

new Service(app, 'registry', {
  image: Image.of('registry:2.8.3'),
  ports: [Port.http(5000).publish(5000)],
  restart: 'always',
  // root without capabilities: it writes only to the volume, which a fresh volume gives to root
  security: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, noNewPrivileges: true },
  // it alone mounts the volume (one writer): one replica, and a rollout that stops the old copy before starting the
  // new one (Kubernetes Recreate, ECS 0% / 100%, Swarm stop-first); replicas: 2 here is a Kubernetes error that says why
  mounts: [Mount.volume(data, '/var/lib/registry')],
  env: { REGISTRY_STORAGE_DELETE_ENABLED: 'true' },
  health: HealthCheck.http('/', 5000, { interval: '15s', timeout: '5s', retries: 3 }),
  resources: { memory: '256m', memoryReservation: '128m', cpuShares: 512, cpus: 0.5 },
  logging: { maxSize: '10m', maxFiles: 3 },
  suppress: { 'lint/runs-as-root': 'a fresh volume is owned by root; the process holds no capability' },
});

export default app;
