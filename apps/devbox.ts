import { Image, Mount, Port, Service, System } from '../lib/model';

/**
 * A personal development image built from a Dockerfile, with the source folder bind-mounted:
 * `docker build -t devbox/devbox:dev apps/devbox && docker run -v ./apps/devbox/src:/workspace/src ...`.
 */
const app = new System('devbox', { targetOptions: { ecs: { launchType: 'ec2' } } });

new Service(app, 'devbox', {
  image: Image.build({ context: 'apps/devbox', dockerfile: 'Dockerfile', args: { NODE_VERSION: '20' }, tag: 'devbox/devbox:dev' }),
  command: ['sleep', 'infinity'],
  workingDir: '/workspace',
  security: { user: '1000:1000', capabilities: { drop: ['ALL'] }, noNewPrivileges: true },
  env: { EDITOR: 'vim' },
  ports: [Port.http(3000).publish(3000)],
  mounts: [Mount.bind('./apps/devbox/src', '/workspace/src'), Mount.ephemeral('/home/dev/.cache')],
  resources: { memory: '2g', memoryReservation: '1g', cpuShares: 1024, cpus: 2 },
  logging: { maxSize: '10m', maxFiles: 2 },
  suppress: { 'lint/writable-root-filesystem': 'a development box: tools are installed into it while it runs' },
});

export default app;
