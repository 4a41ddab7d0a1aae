import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import { expectValidCompose } from '../support/compose-validators';
import { parseManifest, validateManifest } from '../support/kubernetes-validators';
import { expectValidStack, stackConfig } from '../support/swarm-validators';
import { codesOf, fidelityOf, outputText, workloadOf, type FidelityResult } from './support/fidelity';

// Each loss issue 21 lists, on a real-world file of test/import/corpus/real (see its SOURCE.md): what the import
// makes of it, and what the targets render from that.
const FILES = [
  'django', 'fastapi', 'nginx-nodejs-redis', 'nginx-golang-postgres', 'react-java-mysql', 'elasticsearch-logstash-kibana', 'flask',
  'wireguard', 'temporal', 'langfuse', 'docker-mailserver', 'docker-wordpress', 'compose-env-interpolation', 'wasmedge-kafka-mysql',
  'pihole-cloudflared-doh', 'calcom', 'fides-mysql',
];
const results = new Map<string, FidelityResult>();

beforeAll(async () => {
  for (const name of FILES) results.set(name, await fidelityOf(name));
}, 300_000);

function result(name: string): FidelityResult {
  const r = results.get(name);
  if (!r) throw new Error(`${name} is not loaded`);
  return r;
}

const text = (name: string, target: TargetName): string => outputText(result(name), target);
const workload = (name: string, id: string) => workloadOf(result(name), id);
const compose = (name: string): any => parse(text(name, 'compose'));
const stack = (name: string): any => parse(text(name, 'swarm'));
const ecs = (name: string): any => JSON.parse(text(name, 'ecs'));
const codes = (name: string): string[] => codesOf(result(name));

/** The pod spec of the Deployment (or Job) `id` in a file's Kubernetes manifest. */
function podSpec(name: string, id: string): any {
  const o = parseManifest(text(name, 'kubernetes')).find((x) => (x.kind === 'Deployment' || x.kind === 'StatefulSet' || x.kind === 'Job') && x.metadata?.name === id) as any;
  if (!o) throw new Error(`no workload ${id} in the manifest of ${name}`);
  return o.spec.template.spec;
}

/** The ECS container definition of container `id` in a file's template. */
function containerDefinition(name: string, id: string): any {
  const defs = Object.values<any>(ecs(name).Resources)
    .filter((r) => r.Type === 'AWS::ECS::TaskDefinition')
    .flatMap((r) => r.Properties.ContainerDefinitions);
  const def = defs.find((d) => d.Name === id);
  if (!def) throw new Error(`no container definition ${id} in the ECS template of ${name}`);
  return def;
}

/** Compose, Kubernetes and Swarm accept a file's outputs. */
function expectValidOutputs(name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-real-'));
  try {
    expectValidCompose(text(name, 'compose'), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(validateManifest(text(name, 'kubernetes'))).toEqual([]);
  expectValidStack(text(name, 'swarm'));
}

/** The diagnostic `code` of the import or of a target at `where`. */
function finding(name: string, code: string, where: string): string {
  const r = result(name);
  const all = [...r.imported.diagnostics.map((d) => ({ code: d.code, at: d.keyPath, message: d.message })), ...Object.values(r.outputs).flatMap((o) => o!.diagnostics.map((d) => ({ code: d.code, at: d.path, message: d.message })))];
  const found = all.find((d) => d.code === code && d.at === where);
  if (!found) throw new Error(`no ${code} at ${where} in ${name}: ${all.map((d) => `${d.code} ${d.at}`).join('; ')}`);
  return found.message;
}

describe('issue 21, one real-world file per loss', () => {
  test('GIVEN every file WHEN imported and rendered THEN none stops with an error', () => {
    expect(FILES.map((n) => [n, result(n).errors])).toEqual(FILES.map((n) => [n, []]));
  });

  test('build.target (django) GIVEN target builder WHEN imported THEN Compose and docker build that stage', () => {
    expect(workload('django', 'web').main.image).toMatchObject({ kind: 'build', target: 'builder' });
    expect(compose('django').services.web.build.target).toBe('builder');
    expect(text('django', 'docker')).toContain('--target builder');
  });

  test('a server with restart "no" (fastapi) WHEN imported THEN it stays a Service with its port: a Deployment and a Service on Kubernetes, an ECS service', () => {
    const api = workload('fastapi', 'api');
    expect([api.kind, api.restart, api.main.ports.map((p) => p.containerPort)]).toEqual(['service', { policy: 'no' }, [8000]]);
    expect(compose('fastapi').services.api.restart).toBe('no');
    expect(podSpec('fastapi', 'api').containers[0].ports).toEqual([expect.objectContaining({ containerPort: 8000 })]);
    expect(parseManifest(text('fastapi', 'kubernetes')).some((o) => o.kind === 'Service' && o.metadata?.name === 'api')).toBe(true);
    expect(Object.values<any>(ecs('fastapi').Resources).some((r) => r.Type === 'AWS::ECS::Service')).toBe(true);
    expect(codes('fastapi')).toContain('kubernetes/service-restart');
  });

  test('a port only a bound nginx.conf names (nginx-golang-postgres) or only EXPOSE declares (react-java-mysql) WHEN imported THEN the Kubernetes Service of backend has it', () => {
    expect(workload('nginx-golang-postgres', 'backend').main.ports.map((p) => [p.containerPort, p.publish])).toEqual([[8000, 'none']]);
    const service = (name: string) => parseManifest(text(name, 'kubernetes')).find((o) => o.kind === 'Service' && o.metadata?.name === 'backend') as any;
    expect(service('nginx-golang-postgres').spec.ports.map((p: any) => p.port)).toEqual([8000]);
    expect(workload('react-java-mysql', 'backend').main.ports.map((p) => p.containerPort)).toEqual([8080]);
    expect(service('react-java-mysql').spec.ports.map((p: any) => p.port)).toEqual([8080]);
  });

  test('container_name (wireguard, temporal) WHEN imported THEN Compose and docker name the container, and Kubernetes adds a Service of that name', () => {
    expect(workload('wireguard', 'wireguard').containerName).toBe('wireguard');
    expect(compose('wireguard').services.wireguard.container_name).toBe('wireguard');
    expect(text('wireguard', 'docker')).toContain('--name wireguard');
    expect(workload('temporal', 'cassandra').containerName).toBe('temporal-cassandra');
    expect(parseManifest(text('temporal', 'kubernetes')).some((o) => o.kind === 'Service' && o.metadata?.name === 'temporal-cassandra')).toBe(true);
    expect(text('temporal', 'ecs')).toContain('"DnsName": "temporal-cassandra"');
  });

  test('stop_grace_period 1m (docker-mailserver) WHEN imported THEN 60 s on every target: terminationGracePeriodSeconds, ECS stopTimeout, --stop-timeout', () => {
    expect(workload('docker-mailserver', 'mailserver').stop).toEqual({ gracePeriodSeconds: 60 });
    expect(podSpec('docker-mailserver', 'mailserver').terminationGracePeriodSeconds).toBe(60);
    expect(containerDefinition('docker-mailserver', 'mailserver').StopTimeout).toBe(60);
    expect(compose('docker-mailserver').services.mailserver.stop_grace_period).toBe('60s');
    expect(stack('docker-mailserver').services.mailserver.stop_grace_period).toBe('60s');
    expect(text('docker-mailserver', 'docker')).toContain('--stop-timeout 60');
  });

  test('stop_signal SIGINT (flask) WHEN imported THEN Compose and docker send it, and Kubernetes says how to keep it', () => {
    expect(workload('flask', 'web').stop).toEqual({ signal: 'SIGINT' });
    expect(compose('flask').services.web.stop_signal).toBe('SIGINT');
    expect(text('flask', 'docker')).toContain('--stop-signal SIGINT');
    expect(finding('flask', 'kubernetes/stop-signal', 'flask/web stop.signal')).toContain('not SIGINT');
  });

  test('hostname with a domain (docker-mailserver) WHEN imported THEN Compose and docker keep mail.example.com, the pod takes mail and says so', () => {
    expect(workload('docker-mailserver', 'mailserver').hostname).toBe('mail.example.com');
    expect(compose('docker-mailserver').services.mailserver.hostname).toBe('mail.example.com');
    expect(text('docker-mailserver', 'docker')).toContain('--hostname mail.example.com');
    expect(podSpec('docker-mailserver', 'mailserver').hostname).toBe('mail');
    expect(finding('docker-mailserver', 'kubernetes/hostname-domain', 'docker-mailserver/mailserver hostname')).toBe(
      "a pod's hostname is one DNS label: mailserver sees mail as its host name, not mail.example.com, and its domain is the cluster's, not example.com",
    );
    expect(codes('docker-mailserver')).not.toContain('import/unsupported-value');
  });

  test('a hostname that is one label (nginx-nodejs-redis) WHEN imported THEN the pod takes it whole', () => {
    expect(workload('nginx-nodejs-redis', 'web1').hostname).toBe('web1');
    expect(podSpec('nginx-nodejs-redis', 'web1').hostname).toBe('web1');
  });

  test('stdin_open and tty (temporal) WHEN imported THEN the container keeps stdin and a terminal: Compose, Kubernetes stdin/tty, ECS interactive/pseudoTerminal, docker -i -t', () => {
    const tools = workload('temporal', 'temporal-admin-tools');
    expect([tools.tty, tools.stdinOpen]).toEqual([true, true]);
    expect([compose('temporal').services['temporal-admin-tools'].tty, compose('temporal').services['temporal-admin-tools'].stdin_open]).toEqual([true, true]);
    const container = podSpec('temporal', 'temporal-admin-tools').containers[0];
    expect([container.tty, container.stdin]).toEqual([true, true]);
    const def = containerDefinition('temporal', 'temporal-admin-tools');
    expect([def.PseudoTerminal, def.Interactive]).toEqual([true, true]);
    expect(text('temporal', 'docker')).toMatch(/--name temporal-admin-tools[^]*? -t \\\n\s+-i \\\n/);
    expect(workload('temporal', 'temporal-web').tty).toBeUndefined();
  });

  test('sysctls (wireguard) WHEN imported THEN the pod securityContext, ECS systemControls and Compose carry it, and Kubernetes says the kubelet must allow it', () => {
    expect(workload('wireguard', 'wireguard').sysctls).toEqual({ 'net.ipv4.conf.all.src_valid_mark': '1' });
    expect(podSpec('wireguard', 'wireguard').securityContext.sysctls).toEqual([{ name: 'net.ipv4.conf.all.src_valid_mark', value: '1' }]);
    expect(containerDefinition('wireguard', 'wireguard').SystemControls).toEqual([{ Namespace: 'net.ipv4.conf.all.src_valid_mark', Value: '1' }]);
    expect(compose('wireguard').services.wireguard.sysctls).toEqual({ 'net.ipv4.conf.all.src_valid_mark': '1' });
    expect(text('wireguard', 'docker')).toContain('--sysctl net.ipv4.conf.all.src_valid_mark=1');
    expect(codes('wireguard')).toContain('kubernetes/unsafe-sysctl');
  });

  test('platform wasi/wasm (wasmedge-kafka-mysql) WHEN imported THEN it is left out with the reason, and no target pins an architecture', () => {
    expect(finding('wasmedge-kafka-mysql', 'import/unsupported-value', 'services.etl.platform')).toBe(
      'platform wasi/wasm is not one every target runs (linux/amd64, linux/arm64): it is left out, and the image runs on whatever the host is.',
    );
    expect(workload('wasmedge-kafka-mysql', 'etl').platform).toBeUndefined();
    expect(podSpec('wasmedge-kafka-mysql', 'etl').nodeSelector?.['kubernetes.io/arch']).toBeUndefined();
    expect(containerDefinition('wasmedge-kafka-mysql', 'etl')).toBeDefined();
    expect(Object.values<any>(ecs('wasmedge-kafka-mysql').Resources).filter((r) => r.Type === 'AWS::ECS::TaskDefinition').every((r) => r.Properties.RuntimePlatform?.CpuArchitecture === undefined)).toBe(true);
  });

  test('platform linux/amd64 (fides-mysql) WHEN imported THEN every target runs mysql_example on amd64: Compose platform, docker --platform, a Swarm constraint, a Kubernetes nodeSelector, the ECS RuntimePlatform', () => {
    expect(workload('fides-mysql', 'mysql-example').platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(codes('fides-mysql')).not.toContain('import/unsupported-value');
    expect(codes('fides-mysql')).not.toContain('import/unsupported-key');
    expect(compose('fides-mysql').services['mysql-example'].platform).toBe('linux/amd64');
    expect(text('fides-mysql', 'docker')).toContain('--platform linux/amd64');
    expect(stack('fides-mysql').services['mysql-example'].deploy.placement.constraints).toEqual(expect.arrayContaining(['node.platform.os == linux', 'node.platform.arch == x86_64']));
    expect(podSpec('fides-mysql', 'mysql-example').nodeSelector).toMatchObject({ 'kubernetes.io/arch': 'amd64' });
    const task = Object.values<any>(ecs('fides-mysql').Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition');
    expect(task.Properties.RuntimePlatform).toMatchObject({ CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' });
    expectValidOutputs('fides-mysql');
  });

  test('.env interpolation (wireguard) WHEN imported THEN ${TIMEZONE} and ${VPN_SERVER_URL} take the .env values, its inline comment left out', () => {
    expect(workload('wireguard', 'wireguard').main.env).toMatchObject({ TZ: 'Etc/UTC', SERVERURL: 'your-domain.dyndns.com' });
    expect(compose('wireguard').services.wireguard.environment).toMatchObject({ TZ: 'Etc/UTC', SERVERURL: 'your-domain.dyndns.com' });
    expect(text('wireguard', 'kubernetes')).toContain('Etc/UTC');
  });

  test('a .env value that reads another (compose-env-interpolation) WHEN imported THEN IMAGE=default_env:${WHEREAMI} is default_env:Env File on every target', () => {
    expect(workload('compose-env-interpolation', 'env-interpolation').main.env).toEqual({ IMAGE: 'default_env:Env File' });
    expect(compose('compose-env-interpolation').services['env-interpolation'].environment).toEqual({ IMAGE: 'default_env:Env File' });
    for (const t of ['kubernetes', 'ecs', 'docker', 'swarm'] as const) expect([t, text('compose-env-interpolation', t).includes('default_env:Env File')]).toEqual([t, true]);
  });

  test('.env values in container_name, binds and environment (docker-wordpress) WHEN imported THEN each takes its .env value', () => {
    expect([workload('docker-wordpress', 'db').containerName, workload('docker-wordpress', 'wordpress').containerName]).toEqual(['db', 'wordpress']);
    expect(workload('docker-wordpress', 'wordpress').main.env).toMatchObject({ WORDPRESS_DB_HOST: 'db:3306', VIRTUAL_HOST: 'wordpress.mydomain.com' });
    // DB_PATH=./../data/db names a data folder absent from the project: a volume that lives there on a single host
    expect(workload('docker-wordpress', 'db').main.mounts).toEqual([expect.objectContaining({ kind: 'volume', volume: 'db-data', target: '/var/lib/mysql' })]);
    // bound on Compose as the file binds it, seen from dist/compose/docker-wordpress
    expect(compose('docker-wordpress').services.db.volumes).toEqual(['../../../../data/db:/var/lib/mysql']);
    expect(compose('docker-wordpress').services.wordpress.environment.LETSENCRYPT_EMAIL).toBe('my.email@mydomain.com');
  });

  test('an env_file whose values read others (calcom) WHEN imported THEN DATABASE_URL=postgresql://${POSTGRES_USER}:... and DATABASE_DIRECT_URL=${DATABASE_URL} reach database, which reads them only from .env, on every target', () => {
    const url = 'postgresql://unicorn_user:magical_password@database:5432/calendso';
    expect(workload('calcom', 'database').main.env).toMatchObject({ DATABASE_URL: url, DATABASE_DIRECT_URL: url, POSTGRES_USER: 'unicorn_user' });
    expect(workload('calcom', 'calcom').main.env).toMatchObject({ DATABASE_URL: url, DATABASE_DIRECT_URL: url });
    expect(Object.values(workload('calcom', 'database').main.env).some((v) => v.includes('${'))).toBe(false);
    expect(compose('calcom').services.database.environment).toMatchObject({ DATABASE_URL: url, DATABASE_DIRECT_URL: url });
    expect(stack('calcom').services.database.environment).toMatchObject({ DATABASE_URL: url, DATABASE_DIRECT_URL: url });
    expect(containerDefinition('calcom', 'database').Environment).toEqual(expect.arrayContaining([{ Name: 'DATABASE_URL', Value: url }, { Name: 'DATABASE_DIRECT_URL', Value: url }]));
    expect(text('calcom', 'docker')).toContain(url);
    expect(text('calcom', 'kubernetes')).toContain(url);
    // only the two build args .env does not set are unset: every variable the env_file reads is found
    expect(result('calcom').imported.diagnostics.filter((d) => d.code === 'import/unset-variable').map((d) => d.keyPath)).toEqual([
      'services.calcom.build.args.NEXT_PUBLIC_WEBSITE_TERMS_URL',
      'services.calcom.build.args.NEXT_PUBLIC_WEBSITE_PRIVACY_POLICY_URL',
    ]);
    expectValidOutputs('calcom');
  });

  test('env_file (docker-mailserver) WHEN imported THEN its values reach the container: quotes taken off, comments left out', () => {
    const env = workload('docker-mailserver', 'mailserver').main.env;
    expect([env.LOG_LEVEL, env.POSTGREY_TEXT, env.SRS_SENDER_CLASSES, env.OVERRIDE_HOSTNAME]).toEqual(['info', 'Delayed by Postgrey', 'envelope_sender', '']);
    expect(Object.keys(env).some((k) => k.startsWith('#'))).toBe(false);
    expect(compose('docker-mailserver').services.mailserver.environment.POSTGREY_TEXT).toBe('Delayed by Postgrey');
  });

  test('the legacy external: { name: ${NETWORK} } (docker-wordpress) WHEN imported THEN it is no error: the network name is read from .env and the warning says it is not reused', () => {
    expect(finding('docker-wordpress', 'import/external', 'networks.default.external')).toBe('the existing network webproxy is not reused: the imported system creates its own network default.');
    expect(Object.keys(compose('docker-wordpress').networks)).toEqual(['default']);
    expect(compose('docker-wordpress').services.db.networks).toEqual(['default']);
  });

  test('secrets passed as variables (docker-wordpress, langfuse) WHEN imported THEN Swarm passes the same variables at `docker stack deploy`, as the file does, not Swarm secret files', () => {
    for (const name of ['docker-wordpress', 'langfuse']) {
      expect([name, result(name).spec?.options.swarm.secrets, stack(name).secrets]).toEqual([name, 'env', undefined]);
      expect([name, codes(name).filter((c) => c === 'swarm/secret-file')]).toEqual([name, []]);
    }
    const services = stack('docker-wordpress').services;
    expect(services.wordpress.environment.WORDPRESS_DB_PASSWORD).toBe('${MYSQL_PASSWORD:?set MYSQL_PASSWORD before docker stack deploy}');
    expect(services.wordpress.secrets).toBeUndefined();
    expect(finding('docker-wordpress', 'swarm/secret-env', 'docker-wordpress/wordpress secretEnv.WORDPRESS_DB_PASSWORD')).toBe(
      'the container gets WORDPRESS_DB_PASSWORD from the variable MYSQL_PASSWORD of the shell that runs `docker stack deploy`; the value is part of the service spec, visible to `docker service inspect`.',
    );
    const deployed = stackConfig(text('docker-wordpress', 'swarm'), process.env.PATH, { MYSQL_PASSWORD: 'wp-pass', MYSQL_ROOT_PASSWORD: 'root-pass' });
    expect([deployed.status, deployed.stderr]).toEqual([0, '']);
    expect(parse(deployed.stdout).services.wordpress.environment.WORDPRESS_DB_PASSWORD).toBe('wp-pass');
    expect(parse(deployed.stdout).services.db.environment).toMatchObject({ MYSQL_PASSWORD: 'wp-pass', MYSQL_ROOT_PASSWORD: 'root-pass' });
  });

  test('host IP 127.0.0.1 on ports (langfuse) WHEN imported THEN Compose and docker bind the loopback, and Kubernetes and ECS keep the port off the outside', () => {
    expect(workload('langfuse', 'postgres').main.ports.map((p) => [p.containerPort, p.hostPort, p.hostIp, p.loopback])).toEqual([[5432, 5432, '127.0.0.1', true]]);
    expect(workload('langfuse', 'langfuse-web').main.ports.map((p) => [p.containerPort, p.hostIp])).toEqual([[3000, undefined]]);
    expect(compose('langfuse').services.postgres.ports).toEqual(['127.0.0.1:5432:5432/tcp']);
    expect(text('langfuse', 'docker')).toContain('-p 127.0.0.1:5432:5432/tcp');
    expect(finding('langfuse', 'kubernetes/loopback-port', 'langfuse/postgres ports[0]')).toContain('only the ClusterIP Service postgres has it');
    const service = parseManifest(text('langfuse', 'kubernetes')).find((o) => o.kind === 'Service' && o.metadata?.name === 'postgres') as any;
    expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(codes('langfuse')).toContain('ecs/loopback-port');
  });

  test('env names with dots (elasticsearch-logstash-kibana) WHEN imported THEN discovery.type reaches every target', () => {
    expect(workload('elasticsearch-logstash-kibana', 'elasticsearch').main.env['discovery.type']).toBe('single-node');
    expect(compose('elasticsearch-logstash-kibana').services.elasticsearch.environment['discovery.type']).toBe('single-node');
    expect(podSpec('elasticsearch-logstash-kibana', 'elasticsearch').containers[0].env).toContainEqual({ name: 'discovery.type', value: 'single-node' });
    expect(containerDefinition('elasticsearch-logstash-kibana', 'elasticsearch').Environment).toContainEqual({ Name: 'discovery.type', Value: 'single-node' });
  });

  test('healthcheck retries: 0 (docker-mailserver) WHEN imported THEN it is the Docker default, 3, as the engine reads it', () => {
    expect(workload('docker-mailserver', 'mailserver').main.health?.retries).toBe(3);
    expect(containerDefinition('docker-mailserver', 'mailserver').HealthCheck.Retries).toBe(3);
  });

  test('ipv4_address and ipam (pihole-cloudflared-doh, whose pihole reaches cloudflared at 172.20.0.2) WHEN imported THEN each is left out with what the targets do instead and what fails, and the outputs still validate', () => {
    expect(finding('pihole-cloudflared-doh', 'import/unsupported-key', 'services.cloudflared.networks.dns-net.ipv4_address')).toBe(
      'ipv4_address 172.20.0.2 is left out: each target assigns cloudflared an address itself (Docker from the network\'s pool, a pod IP on Kubernetes, a task\'s network interface on ECS), so a peer that connects to 172.20.0.2 instead of a name fails.',
    );
    expect(finding('pihole-cloudflared-doh', 'import/unsupported-key', 'networks.dns-net.ipam')).toBe(
      'ipam is left out: each target assigns the addresses of network dns-net from a range of its own (Docker\'s pool, the cluster\'s pod network, the VPC\'s subnets), not from 172.20.0.0/24, so a peer or a rule that relies on an address in 172.20.0.0/24 fails.',
    );
    // and the one change that keeps the file working on every target
    const fixAt = (keyPath: string) => result('pihole-cloudflared-doh').imported.diagnostics.find((d) => d.keyPath === keyPath)?.fix;
    expect(fixAt('services.cloudflared.networks.dns-net.ipv4_address')).toBe('Reach cloudflared by its service name (or an alias) instead of the address.');
    expect(fixAt('networks.dns-net.ipam')).toBe('Reach services by name (or an alias), not by address.');
    // the file's own value that relies on the address reaches the container unchanged
    expect(workload('pihole-cloudflared-doh', 'pihole').main.env.PIHOLE_DNS_).toBe('172.20.0.2#5054;1.1.1.1');
    const rendered = compose('pihole-cloudflared-doh');
    expect(rendered.networks['dns-net']?.ipam).toBeUndefined();
    expect(JSON.stringify(rendered.services.cloudflared)).not.toContain('ipv4_address');
    expect(JSON.stringify(stack('pihole-cloudflared-doh'))).not.toContain('172.20.0.0/24');
    expect(text('pihole-cloudflared-doh', 'docker')).not.toContain('--ip ');
    expect(text('pihole-cloudflared-doh', 'docker')).not.toContain('--subnet');
    expectValidOutputs('pihole-cloudflared-doh');
  });
});
