import { HealthCheck, Image, Mount, Service, System } from '../../lib/model';
import { renderSwarm, withCode } from './swarm-test-kit';

const image = Image.of('busybox:1.36');

describe('swarm containers: resources, health, privileges, sidecars', () => {
  test('GIVEN limits and reservations WHEN rendered THEN deploy.resources in Docker notation, and cpu shares left out with swarm/cpu-shares', () => {
    const sys = new System('shop');
    new Service(sys, 'db', { image, resources: { memory: '1g', memoryReservation: '512m', cpus: 1.5, cpuShares: 512 } });
    const out = renderSwarm(sys);
    expect(out.doc.services.db.deploy.resources).toEqual({ limits: { cpus: '1.5', memory: '1G' }, reservations: { memory: '512M' } });
    expect(out.yaml).not.toContain('cpu_shares');
    expect(withCode(out, 'swarm/cpu-shares')).toEqual([
      {
        code: 'swarm/cpu-shares',
        severity: 'info',
        path: 'shop/db resources.cpuShares',
        target: 'swarm',
        message: 'Swarm has no CPU weight: cpu shares 512 are left out, and db competes for CPU with the default weight.',
        fix: 'Set resources.cpus for a hard limit, or leave cpuShares unset for Swarm.',
      },
    ]);
  });

  test('GIVEN command, http and tcp health checks WHEN rendered THEN healthcheck keys, shell probes said with swarm/health-probe-tool', () => {
    const sys = new System('shop');
    new Service(sys, 'a', { image, health: HealthCheck.command(['pg_isready'], { interval: '10s', timeout: '5s', retries: 5, startPeriod: '30s' }) });
    new Service(sys, 'b', { image, health: HealthCheck.http('/healthz', 8000) });
    new Service(sys, 'c', { image, health: HealthCheck.tcp(6379) });
    const out = renderSwarm(sys);
    expect(out.doc.services.a.healthcheck).toEqual({ test: ['CMD', 'pg_isready'], interval: '10s', timeout: '5s', retries: 5, start_period: '30s' });
    expect(out.doc.services.b.healthcheck.test[0]).toBe('CMD-SHELL');
    expect(withCode(out, 'swarm/health-probe-tool').map((d) => [d.path, d.message])).toEqual([
      [
        'shop/b health',
        "Docker has no http health check: it runs `curl -fsS -o /dev/null 'http://127.0.0.1:8000/healthz' || wget -q -O /dev/null 'http://127.0.0.1:8000/healthz' || exit 1` in the container, so the image must contain curl or wget.",
      ],
      [
        'shop/c health',
        "Docker has no tcp health check: it runs `nc -z 127.0.0.1 6379 || bash -c '</dev/tcp/127.0.0.1/6379' || exit 1` in the container, so the image must contain nc or bash.",
      ],
    ]);
  });

  test('GIVEN a privileged container WHEN rendered THEN swarm/privileged stops the output', () => {
    const sys = new System('shop');
    new Service(sys, 'probe', { image, privileged: true });
    const out = renderSwarm(sys);
    expect(out.result.files).toEqual([]);
    expect(withCode(out, 'swarm/privileged')).toEqual([
      {
        code: 'swarm/privileged',
        severity: 'error',
        path: 'shop/probe privileged',
        target: 'swarm',
        message: 'Swarm cannot run probe privileged: `docker stack deploy` ignores privileged, and the container would run without the access it asks for.',
        fix: 'Grant the single capabilities the image needs and leave privileged off, or run it with `docker run --privileged` outside the stack.',
      },
    ]);
  });

  test('GIVEN a sidecar with volumesFrom WHEN rendered THEN its own service with the main mounts, swarm/sidecar and swarm/sidecar-ephemeral', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image, replicas: 2, mounts: [Mount.ephemeral('/cache')] });
    web.addSidecar('shipper', { image, volumesFrom: true, mounts: [Mount.ephemeral('/tmp', { tmpfs: true })] });
    const out = renderSwarm(sys);
    expect(out.doc.services['web-shipper']).toEqual({
      image: 'busybox:1.36',
      networks: ['default'],
      volumes: [{ type: 'volume', target: '/cache' }, { type: 'tmpfs', target: '/tmp' }],
      deploy: {
        mode: 'replicated',
        replicas: 2,
        restart_policy: { condition: 'any' },
        update_config: { parallelism: 1, order: 'start-first', failure_action: 'rollback' },
        rollback_config: { parallelism: 1, order: 'start-first' },
      },
    });
    expect(out.yaml).not.toContain('network_mode');
    expect(out.yaml).not.toContain('volumes_from');
    expect(out.diagnostics.filter((d) => d.code.startsWith('swarm/sidecar'))).toEqual([
      {
        code: 'swarm/sidecar',
        severity: 'warning',
        path: 'shop/web/shipper',
        target: 'swarm',
        message:
          'Swarm has no pods: shipper becomes the service web-shipper, which does not share the network namespace of web (127.0.0.1 is its own) and may run on another node.',
        fix: 'Reach web by its name rather than 127.0.0.1, or render this system on a target that runs the containers together (Kubernetes, ECS).',
      },
      {
        code: 'swarm/sidecar-ephemeral',
        severity: 'warning',
        path: 'shop/web/shipper volumesFrom',
        target: 'swarm',
        message: 'the ephemeral mount /cache of shop/web (mounts[0]) is not shared: this container gets its own, empty one there.',
        fix: 'Share a persistent volume instead, or render this system on a target that runs the containers together (Kubernetes, ECS).',
      },
    ]);
  });

  test('GIVEN two sidecars whose service names coincide WHEN rendered THEN swarm/service-name-collision stops the output', () => {
    const sys = new System('shop');
    new Service(sys, 'a', { image }).addSidecar('b-c', { image });
    new Service(sys, 'a-b', { image }).addSidecar('c', { image });
    const out = renderSwarm(sys);
    expect(out.result.files).toEqual([]);
    expect(withCode(out, 'swarm/service-name-collision')).toEqual([
      {
        code: 'swarm/service-name-collision',
        severity: 'error',
        path: 'shop/a-b/c name',
        target: 'swarm',
        message: 'sidecar c of a-b would be the Swarm service a-b-c, which is already the name of another service.',
        fix: 'Rename the sidecar or the other service.',
      },
    ]);
  });
});
