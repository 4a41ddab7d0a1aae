import { Dependency, HealthCheck, Image, Job, Port, Service, System } from '../../lib/model';
import { WAIT_IMAGE } from '../../lib/targets/kubernetes/dependencies';
import { render } from './render';

describe('Kubernetes: workloads', () => {
  test('a long-running service becomes a Deployment with its replicas, selecting its own pods', () => {
    // GIVEN a service with two replicas
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), replicas: 2 });
    // WHEN rendered
    const r = render(sys);
    // THEN a Deployment named after it runs two pods that carry its selector labels
    const d = r.get('Deployment', 'web');
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'shop' });
    expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
    expect(JSON.stringify(d)).not.toContain('cdk8s.io/metadata.addr');
  });

  test('a one-shot job becomes a Job: restart no -> backoffLimit 0 and Never, on-failure:n -> backoffLimit n and OnFailure', () => {
    // GIVEN two jobs
    const sys = new System('shop');
    new Job(sys, 'once', { image: Image.of('busybox:1.36'), command: ['true'], restart: 'no' });
    new Job(sys, 'migrate', { image: Image.of('shop/migrate:1.0'), command: ['migrate', 'up'], restart: 'on-failure:3' });
    // WHEN rendered
    const r = render(sys);
    // THEN each is a batch/v1 Job whose retries follow the restart policy
    expect(r.get('Job', 'once').spec.backoffLimit).toBe(0);
    expect(r.pod('once').spec.restartPolicy).toBe('Never');
    expect(r.get('Job', 'migrate').apiVersion).toBe('batch/v1');
    expect(r.get('Job', 'migrate').spec.backoffLimit).toBe(3);
    expect(r.pod('migrate').spec.restartPolicy).toBe('OnFailure');
    expect(r.container('migrate').args).toEqual(['migrate', 'up']);
  });

  test('a scheduled job becomes a CronJob with the schedule in UTC and none of cdk8s-plus tuning', () => {
    // GIVEN a job that runs at 03:00
    const sys = new System('shop');
    new Job(sys, 'backup', { image: Image.of('shop/backup:1.0'), schedule: '0 3 * * *', restart: 'on-failure:2' });
    // WHEN rendered
    const r = render(sys);
    // THEN a CronJob runs it on that schedule, in UTC, keeping Kubernetes' own defaults for the rest
    const cron = r.get('CronJob', 'backup');
    expect(cron.spec.schedule).toBe('0 3 * * *');
    expect(cron.spec.timeZone).toBe('Etc/UTC');
    expect(cron.spec.jobTemplate.spec.backoffLimit).toBe(2);
    for (const key of ['concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'suspend']) {
      expect(cron.spec).not.toHaveProperty(key);
    }
    expect(r.has('Job', 'backup')).toBe(false);
  });

  test('image, command, entrypoint, working directory and user map to image, args, command, workingDir and runAsUser/runAsGroup', () => {
    // GIVEN a container with Docker's CMD, ENTRYPOINT, WORKDIR and USER
    const sys = new System('shop');
    new Service(sys, 'app', {
      image: Image.of('ghcr.io/org/app@sha256:' + 'a'.repeat(64)),
      entrypoint: ['/entry.sh'],
      command: ['serve', '--port', '80'],
      workingDir: '/srv',
      security: { user: '1001:2002' },
    });
    // WHEN rendered
    const c = render(sys).container('app');
    // THEN each keeps its Kubernetes name
    expect(c.image).toBe('ghcr.io/org/app@sha256:' + 'a'.repeat(64));
    expect(c.command).toEqual(['/entry.sh']);
    expect(c.args).toEqual(['serve', '--port', '80']);
    expect(c.workingDir).toBe('/srv');
    expect(c.securityContext).toEqual({ runAsUser: 1001, runAsGroup: 2002, runAsNonRoot: true });
  });

  test('env becomes env, in the model order', () => {
    // GIVEN plain environment
    const sys = new System('shop');
    new Service(sys, 'app', { image: Image.of('nginx:1.27'), env: { B: '2', A: '1' } });
    // WHEN rendered
    // THEN each variable is a name/value pair
    expect(render(sys).container('app').env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  test('replicas become replicas', () => {
    const sys = new System('shop');
    new Service(sys, 'api', { image: Image.of('nginx:1.27'), replicas: 3 });
    expect(render(sys).get('Deployment', 'api').spec.replicas).toBe(3);
  });

  test('privileged and host network are kept', () => {
    // GIVEN a privileged container on the host network
    const sys = new System('ops');
    new Service(sys, 'agent', { image: Image.of('agent:1.0'), privileged: true, hostNetwork: true });
    // WHEN rendered
    const r = render(sys);
    // THEN the pod says so
    expect(r.container('agent').securityContext).toEqual({ privileged: true });
    expect(r.pod('agent').spec.hostNetwork).toBe(true);
    expect(r.codes).toEqual(expect.arrayContaining(['kubernetes/privileged', 'kubernetes/host-network']));
  });

  test('dependsOn started/healthy becomes an init container that waits for the dependency Service port', () => {
    // GIVEN api depending on a healthy db and a started cache
    const sys = new System('shop');
    const db = new Service(sys, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432)], health: HealthCheck.tcp(5432) });
    const cache = new Service(sys, 'cache', { image: Image.of('redis:7.4'), ports: [Port.tcp(6379)] });
    new Service(sys, 'api', { image: Image.of('api:1.0'), dependsOn: [Dependency.healthy(db), Dependency.started(cache)] });
    // WHEN rendered
    const init = render(sys).pod('api').spec.initContainers;
    // THEN one wait container per dependency, polling name:port
    expect(init.map((c: any) => c.name)).toEqual(['wait-for-cache', 'wait-for-db']);
    expect(init[1].image).toBe(WAIT_IMAGE);
    expect(init[1].command).toEqual(['sh', '-c', 'until nc -z -w 2 db 5432; do echo waiting for db:5432; sleep 2; done']);
    expect(init[1]).not.toHaveProperty('resources');
    expect(init[1].securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
    expect(init[1].imagePullPolicy).toBe('IfNotPresent');
  });
});
