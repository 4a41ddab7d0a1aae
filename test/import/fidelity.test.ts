import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import { durationSeconds } from '../../lib/import/compose/durations';
import type { JobSpec, ServiceSpec } from '../../lib/model/spec';
import { requireDockerCompose } from '../support/compose-validators';
import { parseManifest } from '../support/kubernetes-validators';
import { ALL_TARGETS, codesOf, fidelityOf, outputText, realCorpusNames, REAL_CORPUS, workloadOf, type FidelityResult } from './support/fidelity';

const names = realCorpusNames();
const results = new Map<string, FidelityResult>();

beforeAll(async () => {
  for (const name of names) results.set(name, await fidelityOf(name));
}, 600_000);

function result(name: string): FidelityResult {
  const r = results.get(name);
  if (!r) throw new Error(`${name} is not in the real-world corpus`);
  return r;
}

function text(name: string, target: TargetName): string {
  return outputText(result(name), target);
}

function service(name: string, id: string): ServiceSpec | JobSpec {
  return workloadOf(result(name), id);
}

function codes(name: string): string[] {
  return codesOf(result(name));
}

describe('the real-world corpus', () => {
  test('GIVEN the corpus THEN it holds at least 20 files, each with its licence and its source', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      expect([name, fs.existsSync(path.join(REAL_CORPUS, name, 'LICENSE'))]).toEqual([name, true]);
      expect(fs.readFileSync(path.join(REAL_CORPUS, name, 'SOURCE.md'), 'utf8')).toMatch(/\| compose\.yaml \| \S+ \| [0-9a-f]{40} \|/);
    }
  });

  test('GIVEN every file WHEN imported and rendered on every target THEN no error stops any of them', () => {
    expect(names.map((n) => [n, result(n).errors])).toEqual(names.map((n) => [n, []]));
    for (const n of names) for (const t of ALL_TARGETS) expect([n, t, (result(n).outputs[t]?.files.length ?? 0) > 0]).toEqual([n, t, true]);
  });

  test('GIVEN every file WHEN counted THEN the warnings that drop or change a value stay at or below today\'s count', () => {
    const baseline = JSON.parse(fs.readFileSync(path.join(REAL_CORPUS, 'BASELINE.json'), 'utf8')) as { total: number; byOwner: Record<string, number> };
    const all = names.flatMap((n) => result(n).losses);
    const own = all.filter((l) => l.owner === 'import').length;
    expect([baseline.total, baseline.byOwner.import]).toEqual([215, 101]);
    expect(all.length).toBeLessThanOrEqual(37);
    // issue 21: at least 75% below the baseline in all
    expect(all.length).toBeLessThanOrEqual(baseline.total / 4);
    // secret env reaches every Docker-engine target as the variables the file passes
    expect(all.filter((l) => l.owner === 'secret-files')).toEqual([]);
    expect(all.filter((l) => l.owner === 'project-binds').length).toBeLessThanOrEqual(12);
    // the import's own losses: at least 75% below the baseline
    expect(own).toBeLessThanOrEqual(25);
    expect(own).toBeLessThanOrEqual(baseline.byOwner.import / 4);
  });

  test('GIVEN volumes whose names are not DNS labels (wordpress-mysql) WHEN imported THEN the Docker-engine targets keep the Docker volume Compose created', () => {
    expect(result('wordpress-mysql').spec?.volumes.map((v) => [v.name, v.dockerName])).toEqual([
      ['db-data', 'wordpress-mysql_db_data'],
      ['wp-data', 'wordpress-mysql_wp_data'],
    ]);
    expect(parse(text('wordpress-mysql', 'compose')).volumes).toEqual({ 'db-data': { name: 'wordpress-mysql_db_data' }, 'wp-data': { name: 'wordpress-mysql_wp_data' } });
    expect(parse(text('wordpress-mysql', 'swarm')).volumes).toEqual({ 'db-data': { name: 'wordpress-mysql_db_data' }, 'wp-data': { name: 'wordpress-mysql_wp_data' } });
    expect(text('wordpress-mysql', 'docker')).toContain('-v wordpress-mysql_db_data:/var/lib/mysql');
    expect(parseManifest(text('wordpress-mysql', 'kubernetes')).some((o) => o.kind === 'PersistentVolumeClaim' && /db-data/.test(o.metadata?.name ?? ''))).toBe(true);
    expect(codes('wordpress-mysql')).not.toContain('import/renamed');
  });

  test('GIVEN a secret read from a project file (spring-postgres) WHEN imported THEN the secret keeps the file, which Compose, Swarm and docker read', () => {
    expect(result('spring-postgres').spec?.secrets.map((s) => [s.name, s.file])).toEqual([['db-password', 'db/password.txt']]);
    expect(parse(text('spring-postgres', 'compose')).secrets['db-password'].file).toMatch(/\/db\/password\.txt$/);
    expect(parse(text('spring-postgres', 'swarm')).secrets['db-password']).toEqual({ file: expect.stringMatching(/\/db\/password\.txt$/) });
    expect(text('spring-postgres', 'docker')).toMatch(/cat -- "\$root"\/db\/password\.txt/);
    expect(text('spring-postgres', 'compose')).not.toMatch(/file: .*secrets\/db-password/);
    expect(result('spring-postgres').losses).toEqual([]);
  });

  test('GIVEN binds of the source the built stage COPYs (react-express-mysql, nginx-flask-mongo) WHEN imported THEN they are inImage: bound by Compose, left out with a note on Kubernetes, ECS and Swarm', () => {
    expect(service('react-express-mysql', 'backend').main.mounts.map((m) => (m.kind === 'bind' ? [m.source, m.inImage] : m.kind))).toEqual([
      ['./backend/src', true],
      ['./backend/package.json', true],
      ['./backend/package-lock.json', true],
      'volume',
    ]);
    expect(service('nginx-flask-mongo', 'backend').main.mounts).toEqual([{ kind: 'bind', source: './flask', target: '/src', readOnly: false, inImage: true }]);
    expect(parse(text('nginx-flask-mongo', 'compose')).services.backend.volumes).toEqual([expect.stringMatching(/flask:\/src$/)]);
    expect(codes('nginx-flask-mongo')).toEqual(expect.arrayContaining(['kubernetes/bind-in-image', 'ecs/bind-in-image', 'swarm/bind-in-image']));
    expect(codes('react-express-mysql')).not.toEqual(expect.arrayContaining(['kubernetes/relative-bind']));
  });

  test('GIVEN build.target (django, react-rust-postgres) WHEN imported THEN every target builds that stage', () => {
    expect(service('django', 'web').main.image).toMatchObject({ kind: 'build', target: 'builder' });
    expect(parse(text('django', 'compose')).services.web.build.target).toBe('builder');
    expect(text('django', 'docker')).toContain('--target builder');
    expect(service('react-rust-postgres', 'backend').main.image).toMatchObject({ target: 'development' });
  });

  test('GIVEN a server with restart "no" (fastapi) or on-failure (nginx-nodejs-redis) WHEN imported THEN it stays a Service with its ports and its policy', () => {
    expect([service('fastapi', 'api').restart, service('fastapi', 'api').main.ports.map((p) => p.hostPort)]).toEqual([{ policy: 'no' }, [8000]]);
    expect([service('nginx-nodejs-redis', 'web1').restart, service('nginx-nodejs-redis', 'web1').main.ports.map((p) => p.containerPort)]).toEqual([{ policy: 'on-failure' }, [5000]]);
    expect(parse(text('fastapi', 'compose')).services.api.restart).toBe('no');
    expect(codes('fastapi')).toEqual(expect.arrayContaining(['kubernetes/service-restart', 'ecs/service-restart']));
  });

  test('GIVEN container_name (elasticsearch-logstash-kibana) WHEN imported THEN each target reaches the service by that name', () => {
    expect(service('elasticsearch-logstash-kibana', 'elasticsearch').containerName).toBe('es');
    expect(parse(text('elasticsearch-logstash-kibana', 'compose')).services.elasticsearch.container_name).toBe('es');
    expect(parse(text('elasticsearch-logstash-kibana', 'swarm')).services.elasticsearch.networks).toEqual({ elastic: { aliases: ['es'] } });
    expect(parseManifest(text('elasticsearch-logstash-kibana', 'kubernetes')).some((o) => o.kind === 'Service' && o.metadata?.name === 'es')).toBe(true);
    expect(text('elasticsearch-logstash-kibana', 'docker')).toContain('--name es');
    expect(text('elasticsearch-logstash-kibana', 'ecs')).toContain('"DnsName": "es"');
  });

  test('GIVEN links: [joomladb:mysql] (joomla-mysql) WHEN imported THEN joomladb carries the alias mysql on every target, reached on the port of mysql:5.6\'s EXPOSE', () => {
    expect(service('joomla-mysql', 'joomladb').aliases).toEqual(['mysql']);
    expect(parse(text('joomla-mysql', 'compose')).services.joomladb.networks).toEqual({ default: { aliases: ['mysql'] } });
    expect(parse(text('joomla-mysql', 'swarm')).services.joomladb.networks).toEqual({ default: { aliases: ['mysql'] } });
    expect(text('joomla-mysql', 'docker')).toContain('--network-alias joomladb --network-alias mysql');
    const mysql = parseManifest(text('joomla-mysql', 'kubernetes')).find((o) => o.kind === 'Service' && o.metadata?.name === 'mysql') as any;
    expect([mysql?.spec.selector['app.kubernetes.io/name'], mysql?.spec.ports.map((p: { port: number }) => p.port)]).toEqual(['joomladb', [3306]]);
    expect(codes('joomla-mysql')).toContain('import/alias-scope');
    expect(codes('joomla-mysql')).not.toContain('kubernetes/alias-without-ports');
    expect(codes('joomla-mysql')).not.toContain('ecs/alias-without-ports');
  });

  test('GIVEN ipv4_address and ipam (pihole-cloudflared-doh, whose pihole reaches cloudflared by 172.20.0.2) WHEN imported THEN the warnings say that a peer using the address fails, and the fix', () => {
    const messages = result('pihole-cloudflared-doh').losses.filter((l) => l.code === 'import/unsupported-key').map((l) => l.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('a peer that connects to 172.20.0.2 instead of a name fails'), expect.stringContaining('not from 172.20.0.0/24')]));
  });

  test('GIVEN env names with dots (elasticsearch-logstash-kibana) WHEN imported THEN discovery.type reaches every target', () => {
    expect(service('elasticsearch-logstash-kibana', 'elasticsearch').main.env['discovery.type']).toBe('single-node');
    for (const t of ['compose', 'kubernetes', 'docker', 'swarm', 'ecs'] as const) expect([t, text('elasticsearch-logstash-kibana', t).includes('discovery.type')]).toEqual([t, true]);
  });

  test('GIVEN stop_signal (flask) WHEN imported THEN Compose, Swarm and docker keep it and Kubernetes and ECS say how to keep it', () => {
    expect(service('flask', 'web').stop).toEqual({ signal: 'SIGINT' });
    expect(parse(text('flask', 'compose')).services.web.stop_signal).toBe('SIGINT');
    expect(parse(text('flask', 'swarm')).services.web.stop_signal).toBe('SIGINT');
    expect(text('flask', 'docker')).toContain('--stop-signal SIGINT');
    expect(codes('flask')).toEqual(expect.arrayContaining(['kubernetes/stop-signal', 'ecs/stop-signal']));
  });

  test('GIVEN hostname (nginx-nodejs-redis) WHEN imported THEN the pod and the containers take it, and Fargate says it cannot', () => {
    expect(service('nginx-nodejs-redis', 'web1').hostname).toBe('web1');
    expect(parse(text('nginx-nodejs-redis', 'compose')).services.web1.hostname).toBe('web1');
    const deployment = parseManifest(text('nginx-nodejs-redis', 'kubernetes')).find((o) => o.kind === 'Deployment' && o.metadata?.name === 'web1') as any;
    expect(deployment.spec.template.spec.hostname).toBe('web1');
    expect(codes('nginx-nodejs-redis')).toContain('ecs/hostname');
  });

  test('GIVEN proxy_pass http://backend:8000 in a bound nginx.conf (nginx-golang-postgres) WHEN imported THEN backend declares port 8000', () => {
    expect(service('nginx-golang-postgres', 'backend').main.ports.map((p) => p.containerPort)).toEqual([8000]);
    expect(result('nginx-golang-postgres').imported.diagnostics.find((d) => d.code === 'import/inferred-port')?.message).toBe(
      'proxy (in ./proxy/nginx.conf) reaches backend:8000, which backend does not declare: port 8000 is imported, so that every target lets proxy (in ./proxy/nginx.conf) reach it.',
    );
  });

  test('GIVEN EXPOSE 8080 in the Dockerfile a service builds (react-java-mysql) WHEN imported THEN backend declares port 8080', () => {
    expect(service('react-java-mysql', 'backend').main.ports.map((p) => p.containerPort)).toEqual([8080]);
  });

  test('GIVEN a Traefik label naming the port a proxy forwards to (traefik-golang) WHEN imported THEN backend declares that port', () => {
    expect(service('traefik-golang', 'backend').main.ports.map((p) => p.containerPort)).toEqual([80]);
  });

  test('GIVEN a dependency on a Docker Official Image (nginx-flask-mongo) WHEN imported THEN the port the image EXPOSEs is declared, and an info says where it came from', () => {
    expect(result('nginx-flask-mongo').imported.diagnostics.filter((d) => d.code === 'import/undeclared-ports')).toEqual([]);
    expect(result('nginx-flask-mongo').imported.diagnostics.find((d) => d.code === 'import/inferred-port' && d.keyPath === 'services.mongo')?.message).toBe(
      'mongo declares no port, and the Docker Official Image mongo EXPOSEs 27017: it is imported, so that every target lets other services reach it.',
    );
  });

  test('GIVEN a port published for tcp and udp (pihole-cloudflared-doh) WHEN rendered to ECS THEN one TCP_UDP listener carries both', () => {
    expect(text('pihole-cloudflared-doh', 'ecs')).toContain('"Protocol": "TCP_UDP"');
  });

  test('GIVEN network driver bridge (elasticsearch-logstash-kibana) WHEN imported THEN nothing is reported: it is what Compose does anyway', () => {
    expect(result('elasticsearch-logstash-kibana').imported.diagnostics.filter((d) => d.keyPath.startsWith('networks.elastic'))).toEqual([]);
  });
});

describe('the importer reads a real file as docker-compose config does', () => {
  beforeAll(() => requireDockerCompose());

  /** `docker-compose config` of a corpus file, with its folder as the project directory and no variables of this process. */
  function composeConfig(name: string): any {
    const dir = path.join(REAL_CORPUS, name);
    const run = spawnSync('docker-compose', ['-f', path.join(dir, 'compose.yaml'), '--project-directory', dir, 'config'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
      cwd: dir,
    });
    if (run.status !== 0) throw new Error(`docker-compose config failed on ${name}: ${run.stderr}`);
    return parse(run.stdout);
  }

  test.each([
    'django', 'elasticsearch-logstash-kibana', 'fastapi', 'flask', 'nginx-nodejs-redis', 'react-rust-postgres', 'postgresql-pgadmin',
    'compose-env-interpolation', 'docker-mailserver', 'docker-wordpress', 'langfuse', 'temporal', 'wasmedge-kafka-mysql', 'wireguard',
  ])(
    'GIVEN %s WHEN read by both THEN they agree on container_name, hostname, stop_signal and stop_grace_period, tty, stdin_open, sysctls, build target, restart, environment, and container ports with their host addresses',
    (name) => {
      const config = composeConfig(name);
      const spec = result(name).spec!;
      for (const [id, svc] of Object.entries<any>(config.services)) {
        const w = [...spec.services, ...spec.jobs].find((x) => x.name === id.toLowerCase())!;
        const env = Object.fromEntries(Object.entries<any>(svc.environment ?? {}).map(([k, v]) => [k, String(v ?? '')]));
        const secretNames = w.main.secretEnv.map((e) => e.name);
        const ours = Object.fromEntries(Object.entries(w.main.env).filter(([k]) => !secretNames.includes(k)));
        for (const k of secretNames) delete env[k];
        expect([id, w.containerName, w.hostname, w.stop?.signal, w.stop?.gracePeriodSeconds, w.main.image.kind === 'build' ? w.main.image.target : undefined, w.restart.policy, ours]).toEqual([
          id, svc.container_name, svc.hostname, svc.stop_signal, svc.stop_grace_period === undefined ? undefined : durationSeconds(svc.stop_grace_period), svc.build?.target, svc.restart ?? 'always', env,
        ]);
        expect([id, w.tty ?? false, w.stdinOpen ?? false, w.sysctls ?? {}]).toEqual([id, svc.tty ?? false, svc.stdin_open ?? false, svc.sysctls ?? {}]);
        // a port is `{ target, published, host_ip }` or `host_ip:published:target/protocol`
        const published = (svc.ports ?? []).map((p: any) => {
          if (typeof p !== 'string') return `${p.host_ip ?? ''}:${p.target}`;
          const parts = p.split('/')[0].split(':');
          return `${parts.length === 3 ? parts[0] : ''}:${parts[parts.length - 1]}`;
        });
        expect([id, w.main.ports.filter((p) => p.publish !== 'none').map((p) => `${p.hostIp ?? ''}:${p.containerPort}`).sort()]).toEqual([id, published.sort()]);
      }
    },
  );

  test('GIVEN links (joomla-mysql) WHEN read by both THEN every link alias docker-compose config keeps is an alias of the linked service', () => {
    const config = composeConfig('joomla-mysql');
    const spec = result('joomla-mysql').spec!;
    const links = Object.values<any>(config.services).flatMap((svc) => (svc.links ?? []).map(String)).map((l: string) => l.split(':'));
    expect(links.map(([target, alias]: string[]) => [target, alias, spec.services.find((w) => w.name === target)?.aliases])).toEqual([['joomladb', 'mysql', ['mysql']]]);
  });
});
