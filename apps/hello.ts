import { Image, Job, Security, System } from '../lib/model';

/** Docker's first step: a one-shot container that prints and exits (`docker run ubuntu:22.04 bash -c ...`). */
const app = new System('hello');

new Job(app, 'hello', {
  image: Image.of('ubuntu:22.04'),
  command: ['bash', '-c', 'sleep 3; echo all done'],
  restart: 'no',
  security: Security.restricted({ user: '65534:65534' }), // nobody: the job writes nothing
  resources: { memory: '64m', cpus: 0.25 },
  logging: { maxSize: '1m', maxFiles: 1 },
});

export default app;
