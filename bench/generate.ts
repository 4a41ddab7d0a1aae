import { Dependency, HealthCheck, Image, Job, Mount, Network, Port, Secret, Service, System, Volume } from '../lib/model';

/**
 * A generated system of `n` services: every service has a port, one or two networks, limits, a health check and
 * log limits; every 50th a volume, every 5th a secret, every 20th a sidecar, every 50th an http port published on
 * the application load balancer and every 100th a tcp port on the network load balancer; n/50 jobs, half scheduled.
 * The same `n` always gives the same system.
 */
export function generateSystem(n: number, name = `bench-${n}`): System {
  const sys = new System(name);
  const networkCount = Math.max(2, Math.ceil(n / 50));
  const networks = Array.from({ length: networkCount }, (_, i) => new Network(sys, `net-${pad(i)}`, { internal: i === 0 }));
  const volumes = Array.from({ length: Math.max(1, Math.ceil(n / 50)) }, (_, i) => new Volume(sys, `data-${pad(i)}`, { size: '1Gi' }));
  const secrets = Array.from({ length: Math.max(1, Math.ceil(n / 50)) }, (_, i) => new Secret(sys, `secret-${pad(i)}`));
  const logging = { maxSize: '10m', maxFiles: 3 } as const;
  const services: Service[] = [];
  for (let i = 0; i < n; i++) {
    const port = 8000 + (i % 100);
    const published = i % 50 === 1;
    const tcpPublished = i % 100 === 3;
    const service = new Service(sys, `svc-${pad(i)}`, {
      image: Image.of(`registry.example.com/team-${i % 7}/svc-${pad(i)}:1.${i % 10}.0`),
      env: { SERVICE_INDEX: String(i), LOG_LEVEL: 'info', UPSTREAM: i > 0 ? `svc-${pad(i - 1)}:${8000 + ((i - 1) % 100)}` : 'none' },
      secretEnv: i % 5 === 0 ? { API_TOKEN: secrets[i % secrets.length] } : undefined,
      ports: [
        published ? Port.http(port).publish(10000 + i) : Port.tcp(port),
        ...(tcpPublished ? [Port.tcp(9000).publish(20000 + i)] : []),
      ],
      resources: { memory: '256m', memoryReservation: '128m', cpuShares: 256, cpus: 0.25 },
      mounts: i % 50 === 7 ? [Mount.volume(volumes[Math.floor(i / 50) % volumes.length], '/data')] : [],
      networks: i % 3 === 0 ? [networks[i % networkCount], networks[(i + 1) % networkCount]] : [networks[i % networkCount]],
      health: published ? HealthCheck.http('/healthz', port, { interval: '15s', timeout: '5s', retries: 3 }) : HealthCheck.command(['/bin/check', String(port)], { interval: '10s', timeout: '5s', retries: 3 }),
      dependsOn: i % 10 === 9 ? [Dependency.started(services[i - 1])] : [],
      labels: { team: `team-${i % 7}` },
      logging,
    });
    if (i % 20 === 11) service.addSidecar('shipper', { image: Image.of('busybox:1.36'), command: ['tail', '-F', '/data/log'], volumesFrom: true, logging, resources: { memory: '64m', cpus: 0.25 } });
    services.push(service);
  }
  for (let j = 0; j < Math.max(1, Math.ceil(n / 50)); j++) {
    new Job(sys, `job-${pad(j)}`, {
      image: Image.of(`registry.example.com/jobs/job-${pad(j)}:1.0.0`),
      command: ['run', String(j)],
      networks: [networks[j % networkCount]],
      resources: { memory: '512m', cpus: 0.5 },
      restart: 'no',
      schedule: j % 2 === 0 ? `${j % 60} 3 * * *` : undefined,
      logging,
    });
  }
  return sys;
}

function pad(i: number): string {
  return String(i).padStart(4, '0');
}
