import { Image, Mount, Network, Port, Security, Service, System, type ServiceProps } from '../lib/model';

/**
 * Docker's networking walk-through: catserver is on `learning` and `catsonly`, dogserver only on `learning`,
 * and catnip only on `catsonly`, so dogserver reaches catserver but not catnip.
 */
const app = new System('cats-and-dogs');

const learning = new Network(app, 'learning');
const catsonly = new Network(app, 'catsonly');

const limits = { memory: '64m', cpus: 0.25 } as const;
const logging = { maxSize: '5m', maxFiles: 2 } as const;

/** nginx starts as root to bind port 80, then runs its workers as nginx: it keeps only what that takes. */
const nginx = {
  image: Image.of('nginx:1.27-alpine'),
  mounts: [Mount.ephemeral('/var/cache/nginx'), Mount.ephemeral('/var/run')], // what nginx writes, off the read-only root
  security: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add: ['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'] }, noNewPrivileges: true },
  suppress: { 'lint/runs-as-root': 'the master process binds port 80, then runs the workers as nginx' },
} satisfies Partial<ServiceProps>;

new Service(app, 'catserver', {
  ...nginx,
  ports: [Port.tcp(80)],
  networks: [learning, catsonly],
  resources: limits,
  logging,
});

new Service(app, 'dogserver', {
  ...nginx,
  ports: [Port.tcp(80).publish(8080)],
  networks: [learning],
  resources: limits,
  logging,
});

new Service(app, 'catnip', {
  image: Image.of('redis:7.4-alpine'),
  security: Security.restricted({ user: '999:1000' }), // the image's redis user
  mounts: [Mount.ephemeral('/data')], // where redis saves its snapshots
  ports: [Port.tcp(6379)],
  networks: [catsonly],
  resources: limits,
  logging,
});

export default app;
