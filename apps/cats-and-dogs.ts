import { Image, Network, Port, Service, System } from '../lib/model';

/**
 * Docker's networking walk-through: catserver is on `learning` and `catsonly`, dogserver only on `learning`,
 * and catnip only on `catsonly`, so dogserver reaches catserver but not catnip.
 */
const app = new System('cats-and-dogs');

const learning = new Network(app, 'learning');
const catsonly = new Network(app, 'catsonly');

const limits = { memory: '64m', cpus: 0.25 } as const;
const logging = { maxSize: '5m', maxFiles: 2 } as const;

new Service(app, 'catserver', {
  image: Image.of('nginx:1.27-alpine'),
  ports: [Port.tcp(80)],
  networks: [learning, catsonly],
  resources: limits,
  logging,
});

new Service(app, 'dogserver', {
  image: Image.of('nginx:1.27-alpine'),
  ports: [Port.tcp(80).publish(8080)],
  networks: [learning],
  resources: limits,
  logging,
});

new Service(app, 'catnip', {
  image: Image.of('redis:7.4-alpine'),
  ports: [Port.tcp(6379)],
  networks: [catsonly],
  resources: limits,
  logging,
});

export default app;
