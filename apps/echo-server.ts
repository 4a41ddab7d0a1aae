import { Image, Port, Security, Service, System } from '../lib/model';

/**
 * An echo server on fixed and dynamic host ports:
 * `docker run -d -p 45678:45678 -p 45679:45679 -p 1234/udp ealen/echo-server`.
 */
const app = new System('echo-server');

new Service(app, 'echo', {
  image: Image.of('ealen/echo-server:0.9.2'),
  env: { PORT: '45678' },
  security: Security.restricted({ user: '1000:1000' }), // node's user; the ports are above 1024
  ports: [Port.tcp(45678).publish(45678), Port.tcp(45679).publish(45679), Port.udp(1234).publish()],
  resources: { memory: '128m', memoryReservation: '64m', cpuShares: 256, cpus: 0.5 },
  logging: { maxSize: '10m', maxFiles: 3 },
});

export default app;
