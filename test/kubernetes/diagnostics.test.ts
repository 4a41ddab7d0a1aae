import { ConfigFile, Dependency, type ExistingSecretName, Image, Job, Mount, Placement, Port, Secret, Service, System, Volume } from '../../lib/model';
import { Reporter } from '../../lib/diagnostics/reporter';
import type { SystemSpec } from '../../lib/model/spec';
import { diagnoseApp } from '../../lib/synth/diagnose';
import { KUBERNETES_CODES } from '../../lib/targets/kubernetes';
import type { KubernetesCode } from '../../lib/targets/kubernetes/codes';
import type { KubernetesReporter } from '../../lib/targets/kubernetes/context';
import { render } from './render';
import { validateManifest } from '../support/kubernetes-validators';

const tested = new Set<string>();

/** Renders and returns the one diagnostic of `code`, checking its severity against the catalogue. */
function only(system: System | SystemSpec, code: KubernetesCode) {
  tested.add(code);
  const r = render(system);
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  expect(found[0].severity).toBe(KUBERNETES_CODES[code].severity);
  expect(found[0].target).toBe('kubernetes');
  return { d: found[0], r };
}

function sys(options?: ConstructorParameters<typeof System>[1]) {
  return new System('shop', options);
}

describe('Kubernetes diagnostics, one test per code', () => {
  test('kubernetes/build-image', () => {
    const s = sys();
    new Service(s, 'box', { image: Image.build({ context: 'apps/devbox', tag: 'devbox/devbox:dev' }) });
    const { d } = only(s, 'kubernetes/build-image');
    expect(d.path).toBe('shop/box image');
    expect(d.message).toBe('the image is built from apps/devbox/Dockerfile; the manifest uses its tag devbox/devbox:dev');
    expect(d.fix).toContain('docker push devbox/devbox:dev');
    // a Dockerfile elsewhere, its build arguments and target are in the command, as the image is described
    const other = sys();
    new Service(other, 'ad', { image: Image.build({ context: '.', dockerfile: 'src/ad/Dockerfile', args: { JAVA: '21' }, target: 'run', tag: 'demo/ad:1' }) });
    const built = only(other, 'kubernetes/build-image').d;
    expect(built.message).toBe('the image is built from src/ad/Dockerfile; the manifest uses its tag demo/ad:1');
    expect(built.fix).toBe(
      'Push it where the cluster can pull it, from the project root: docker build -t demo/ad:1 -f src/ad/Dockerfile --build-arg JAVA=21 --target run . && docker push demo/ad:1 (or load it into a local cluster).',
    );
  });

  test('kubernetes/registry-credentials', () => {
    const s = sys();
    const login = new Secret(s, 'ghcr-login');
    new Service(s, 'api', { image: Image.of('ghcr.io/org/api:1.0', { credentials: login }) });
    const { d } = only(s, 'kubernetes/registry-credentials');
    expect(d.path).toBe('shop/api image');
    expect(d.message).toBe('the pod pulls with imagePullSecrets ghcr-login: that Secret must exist');
    expect(d.fix).toMatch(/^kubectl create secret docker-registry ghcr-login /);
  });

  test('kubernetes/secret-required', () => {
    const s = sys();
    const pw = new Secret(s, 'db-password', { key: 'password' });
    new Service(s, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    new Service(s, 'api', { image: Image.of('api:1.0'), secretEnv: { DB_PASSWORD: pw } });
    const { d } = only(s, 'kubernetes/secret-required');
    expect(d.path).toBe('shop/db-password');
    expect(d.message).toBe('secret env reads key password of the Secret db-password; no Secret with data is written, so it must exist');
    expect(d.fix).toBe('kubectl create secret generic db-password --from-literal=password=...');
  });

  test('kubernetes/secret-name is an error and stops the manifest', () => {
    const s = sys();
    const pw = new Secret(s, 'db-password', { existingName: 'prod/db' });
    new Service(s, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
    const { d, r } = only(s, 'kubernetes/secret-name');
    expect(d.path).toBe('shop/db-password existingName');
    expect(d.message).toBe(`a Kubernetes Secret cannot be named "prod/db": names are lowercase letters, digits, '-' and '.' (at most 253)`);
    expect(d.fix).toBe("Give the Secret in the cluster a Kubernetes name of its own: existingName: { default: 'prod/db', kubernetes: 'prod-db' }.");
    expect(r.yaml).toBe('');
  });

  test('kubernetes/secret-name suggests a valid name for a Swarm name, and goes away with existingName.kubernetes', () => {
    const named = (existingName: ExistingSecretName) => {
      const s = sys();
      const pw = new Secret(s, 'db-password', { existingName });
      new Service(s, 'db', { image: Image.of('postgres:16.4'), secretEnv: { POSTGRES_PASSWORD: pw } });
      return render(s).diagnostics.filter((d) => d.code === 'kubernetes/secret-name').map((d) => d.fix);
    };
    expect(named('db_Password.v2')).toEqual(["Give the Secret in the cluster a Kubernetes name of its own: existingName: { default: 'db_Password.v2', kubernetes: 'db-password.v2' }."]);
    expect(named({ default: 'db_password.v2', kubernetes: 'db-password.v2' })).toEqual([]);
  });

  test('kubernetes/unless-stopped', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), restart: 'unless-stopped' });
    const { d } = only(s, 'kubernetes/unless-stopped');
    expect(d.path).toBe('shop/web restart');
    expect(d.message).toBe("a Deployment always restarts its pods: 'unless-stopped' behaves as 'always'");
  });

  test('kubernetes/job-retries', () => {
    const s = sys();
    new Job(s, 'migrate', { image: Image.of('migrate:1.0'), restart: 'on-failure' });
    const { d, r } = only(s, 'kubernetes/job-retries');
    expect(d.path).toBe('shop/migrate restart');
    expect(d.fix).toBe("Say how many retries: restart 'on-failure:N'.");
    expect(r.get('Job', 'migrate').spec).not.toHaveProperty('backoffLimit');
  });

  test('kubernetes/job-sidecar', () => {
    const s = sys();
    const job = new Job(s, 'report', { image: Image.of('shop/report:1.0'), schedule: '0 3 * * *' });
    job.addSidecar('proxy', { image: Image.of('shop/db-proxy:2.0') });
    const { d, r } = only(s, 'kubernetes/job-sidecar');
    expect(d.path).toBe('shop/report/proxy');
    expect(d.message).toBe('a Job completes only when every container of its pod has exited: if proxy keeps running after report ends, the Job never completes and its pod keeps running');
    expect(d.fix).toBe('Make proxy exit when report does (for instance when a file report writes last appears on a shared Mount.ephemeral), or run it as a Service of its own.');
    const pod = (r.get('CronJob', 'report').spec as { jobTemplate: { spec: { template: { spec: { containers: { name: string }[] } } } } }).jobTemplate.spec.template.spec;
    expect(pod.containers.map((c) => c.name)).toEqual(['report', 'proxy']);
  });

  test('kubernetes/user-name', () => {
    const s = sys();
    new Service(s, 'db', { image: Image.of('postgres:16.4'), security: { user: 'postgres:999' } });
    const { d, r } = only(s, 'kubernetes/user-name');
    expect(d.path).toBe('shop/db security.user');
    expect(d.message).toBe('securityContext takes numeric ids: user "postgres" is left to the image (got "postgres:999")');
    expect(r.container('db').securityContext).toEqual({ runAsGroup: 999 });
  });

  test('kubernetes/tmpfs-ownership', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), mounts: [Mount.ephemeral('/run', { tmpfs: true, mode: 0o1777, uid: 101 })] });
    const { d, r } = only(s, 'kubernetes/tmpfs-ownership');
    expect(d.path).toBe('shop/web mounts[0]');
    expect(d.message).toBe('an emptyDir has no mode or owner: mode 1777, uid 101 of /run is left out, and the directory is writable by every user (0777)');
    expect(r.get('Deployment', 'web').spec.template.spec.volumes).toEqual([{ name: 'run', emptyDir: { medium: 'Memory' } }]);
  });

  test('kubernetes/quantity-rounded', () => {
    const s = sys();
    new Service(s, 'app', { image: Image.of('app:1.0'), resources: { cpuShares: 100 } });
    const { d, r } = only(s, 'kubernetes/quantity-rounded');
    expect(d.path).toBe('shop/app resources');
    expect(d.message).toBe('cpuShares 100 is written as 98m');
    expect(r.container('app').resources).toEqual({ requests: { cpu: '98m' } });
  });

  test('kubernetes/request-above-limit (CPU from the model)', () => {
    const s = sys();
    new Service(s, 'app', { image: Image.of('app:1.0'), resources: { cpuShares: 1024, cpus: 0.5 } });
    const { d, r } = only(s, 'kubernetes/request-above-limit');
    expect(d.path).toBe('shop/app resources');
    expect(d.message).toBe('cpuShares 1024 (1 CPU) is more than cpus (500m): requests.cpu is lowered to the limit');
    expect(r.container('app').resources).toEqual({ limits: { cpu: '500m' }, requests: { cpu: '500m' } });
  });

  test('kubernetes/shared-volume', () => {
    const s = sys();
    const v = new Volume(s, 'data');
    new Service(s, 'a', { image: Image.of('a:1'), mounts: [Mount.volume(v, '/data')] });
    new Service(s, 'b', { image: Image.of('b:1'), mounts: [Mount.volume(v, '/data')] });
    const { d } = only(s, 'kubernetes/shared-volume');
    expect(d.path).toBe('shop/data users');
    expect(d.message).toBe('the volume is mounted by a, b: its claim asks for ReadWriteMany, which many storage classes do not offer');
  });

  test('kubernetes/project-folder-claim', () => {
    const s = sys();
    const v = new Volume(s, 'mail-data', { hostPath: './docker-data/mail' });
    new Service(s, 'mailserver', { image: Image.of('mailserver/docker-mailserver:14'), mounts: [Mount.volume(v, '/var/mail')] });
    const { d, r } = only(s, 'kubernetes/project-folder-claim');
    expect(d.path).toBe('shop/mail-data hostPath');
    expect(d.message).toBe('the data of volume mail-data lives in the PersistentVolumeClaim mail-data, which starts empty, not in the project folder ./docker-data/mail that Compose and docker bind.');
    expect(d.fix).toBe('If ./docker-data/mail holds data to keep, copy it in once: kubectl cp ./docker-data/mail/. <pod of mailserver>:/var/mail.');
    expect(r.get('PersistentVolumeClaim', 'mail-data').spec.accessModes).toEqual(['ReadWriteOnce']);
  });

  test('kubernetes/host-path', () => {
    const s = sys();
    const agent = new Service(s, 'agent', { image: Image.of('agent:1'), mounts: [Mount.bind('/var/log', '/host/log')] });
    agent.addSidecar('shipper', { image: Image.of('shipper:1'), volumesFrom: true });
    const { d } = only(s, 'kubernetes/host-path');
    expect(d.path).toBe('shop/agent mounts[0]');
    expect(d.message).toBe('the bind mount of /var/log becomes a hostPath volume: it reads the node the pod is scheduled on, not your machine');
  });

  test('kubernetes/relative-bind', () => {
    const s = sys();
    new Service(s, 'box', { image: Image.of('box:1'), mounts: [Mount.bind('./src', '/app')] });
    const { d } = only(s, 'kubernetes/relative-bind');
    expect(d.path).toBe('shop/box mounts[0]');
    expect(d.message).toContain('the bind mount of ./src (relative to the project) on /app is left out');
    expect(d.fix).toContain('Copy the files into the image');
  });

  test('kubernetes/bind-in-image', () => {
    const s = sys();
    new Service(s, 'box', { image: Image.build({ context: 'backend', tag: 'shop/box:dev', target: 'dev' }), mounts: [Mount.bind('./backend/src', '/code/src', { inImage: true })] });
    const { d, r } = only(s, 'kubernetes/bind-in-image');
    expect(d.path).toBe('shop/box mounts[0]');
    expect(d.message).toBe(
      'the image built from backend (Dockerfile, stage dev) carries ./backend/src at /code/src, so the bind mount is left out: the container sees the files as of the build; live edits need Compose or docker',
    );
    expect(r.diagnostics.map((x) => x.code)).not.toContain('kubernetes/relative-bind');
    expect(r.yaml).not.toContain('/code/src');
    expect(r.yaml).toContain('shop/box:dev');
  });

  test('kubernetes/config-file-size', () => {
    const s = sys();
    const big = new ConfigFile(s, 'big', { content: 'x'.repeat(1024 * 1024 + 1) });
    new Service(s, 'box', { image: Image.of('box:1'), mounts: [Mount.config(big, '/etc/big.txt')] });
    const { d } = only(s, 'kubernetes/config-file-size');
    expect(d.path).toBe('shop/big content');
    expect(d.message).toBe('a ConfigMap holds at most 1048576 bytes (got 1048580 in big)');
  });

  test('kubernetes/privileged', () => {
    const s = sys();
    new Service(s, 'agent', { image: Image.of('agent:1'), privileged: true });
    const { d } = only(s, 'kubernetes/privileged');
    expect(d.path).toBe('shop/agent privileged');
  });

  test('kubernetes/host-network', () => {
    const s = sys();
    new Service(s, 'agent', { image: Image.of('agent:1'), hostNetwork: true });
    const { d } = only(s, 'kubernetes/host-network');
    expect(d.path).toBe('shop/agent hostNetwork');
  });

  test('kubernetes/logging', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), logging: { maxSize: '10m', maxFiles: 3 } });
    const { d, r } = only(s, 'kubernetes/logging');
    expect(d.path).toBe('shop/web logging');
    expect(d.message).toBe('log size limits are not part of a Pod: the kubelet rotates container logs by its own settings');
    expect(r.yaml).not.toMatch(/max-size|maxSize/);
  });

  test('kubernetes/depends-on-completed', () => {
    const s = sys();
    const migrate = new Job(s, 'migrate', { image: Image.of('migrate:1') });
    new Service(s, 'api', { image: Image.of('api:1'), dependsOn: [Dependency.completed(migrate)] });
    const { d, r } = only(s, 'kubernetes/depends-on-completed');
    expect(d.path).toBe('shop/api dependsOn[0]');
    expect(d.message).toBe('api may start before the job migrate has completed: Kubernetes does not order workloads');
    expect(r.pod('api').spec).not.toHaveProperty('initContainers');
  });

  test('kubernetes/depends-on-no-port', () => {
    const s = sys();
    const worker = new Service(s, 'worker', { image: Image.of('worker:1') });
    new Service(s, 'api', { image: Image.of('api:1'), dependsOn: [Dependency.started(worker)] });
    const { d } = only(s, 'kubernetes/depends-on-no-port');
    expect(d.path).toBe('shop/api dependsOn[0]');
    expect(d.message).toBe('api may start before worker is started: worker has no TCP port to wait for');
  });

  test('kubernetes/label-as-annotation', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { description: 'the web site' } });
    const { d } = only(s, 'kubernetes/label-as-annotation');
    expect(d.path).toBe('shop/web labels.description');
    expect(d.message).toBe('"the web site" is not a valid label value: it is written as an annotation');
  });

  test('kubernetes/label-dropped', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { 'a/b/c': 'x' } });
    const { d, r } = only(s, 'kubernetes/label-dropped');
    expect(d.path).toBe('shop/web labels.a/b/c');
    expect(r.yaml).not.toContain('a/b/c');
  });

  test('kubernetes/label-conflict', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { 'app.kubernetes.io/name': 'frontend' } });
    const { d, r } = only(s, 'kubernetes/label-conflict');
    expect(d.message).toBe('the label app.kubernetes.io/name is set by lading to "web"; "frontend" is left out');
    expect(r.get('Deployment', 'web').metadata.labels['app.kubernetes.io/name']).toBe('web');
  });

  test('kubernetes/label-conflict between containers of one pod', () => {
    const s = sys();
    const web = new Service(s, 'web', { image: Image.of('nginx:1.27'), labels: { tier: 'edge' } });
    web.addSidecar('shipper', { image: Image.of('shipper:1'), labels: { tier: 'logs' } });
    const { d } = only(s, 'kubernetes/label-conflict');
    expect(d.path).toBe('shop/web/shipper labels.tier');
    expect(d.message).toBe('shop/web already sets tier to "edge"; "logs" is left out');
  });

  test('kubernetes/network-policies-off', () => {
    const s = sys({ targetOptions: { kubernetes: { networkPolicies: false } } });
    new Service(s, 'web', { image: Image.of('nginx:1.27') });
    const { d } = only(s, 'kubernetes/network-policies-off');
    expect(d.path).toBe('shop targetOptions.kubernetes.networkPolicies');
    expect(d.message).toBe('NetworkPolicies are off: the networks default are not enforced and every pod can reach every other');
  });

  test('kubernetes/node-port-range', () => {
    const s = sys({ targetOptions: { kubernetes: { fixedPortServiceType: 'NodePort' } } });
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
    const { d, r } = only(s, 'kubernetes/node-port-range');
    expect(d.path).toBe('shop/web ports[0]');
    expect(d.message).toBe('host port 8080 is outside the NodePort range 30000-32767: the Service port is 8080 and the cluster picks the node port');
    expect(r.get('Service', 'web-nodeport').spec.ports).toEqual([{ name: 'tcp-80', port: 8080, protocol: 'TCP', targetPort: 80 }]);
  });

  test('kubernetes/object-name: a derived name too long', () => {
    const s = sys();
    const long = 'a'.repeat(60);
    new Service(s, long, { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish()] });
    const { d, r } = only(s, 'kubernetes/object-name');
    expect(d.message).toBe(`the Service name ${long}-nodeport is 69 characters long; Kubernetes allows 63`);
    expect(r.yaml).toBe('');
  });

  test('kubernetes/object-name: a derived name that collides', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });
    new Service(s, 'web-lb', { image: Image.of('haproxy:2.9'), ports: [Port.tcp(80)] });
    const { d } = only(s, 'kubernetes/object-name');
    expect(d.message).toBe('the Service name web-lb is also used by shop/web ports');
  });

  test('the target reports what a suppress names; the pipeline leaves it out, an error never', () => {
    // GIVEN a workload that suppresses a note and an error of the target
    const s = sys();
    const pw = new Secret(s, 'db-password', { existingName: 'prod/db' });
    new Service(s, 'web', {
      image: Image.of('nginx:1.27'),
      logging: { maxSize: '1m' },
      secretEnv: { PASSWORD: pw },
      suppress: { 'kubernetes/logging': 'the cluster rotates logs', 'kubernetes/secret-name': 'cannot be turned off' },
    });
    new Service(s, 'api', { image: Image.of('api:1.0'), logging: { maxSize: '1m' } });
    // WHEN rendered, and reported through the pipeline
    const r = render(s);
    const { kept, suppressed } = diagnoseApp(r.spec, ['kubernetes'], r.diagnostics);
    // THEN the target's findings are raw; the pipeline turns off the note of web only, and keeps the error
    expect(r.diagnostics.filter((d) => d.code === 'kubernetes/logging').map((d) => d.path)).toEqual(['shop/api logging', 'shop/web logging']);
    expect(suppressed.map((x) => [x.diagnostic.code, x.diagnostic.path, x.reason])).toEqual([['kubernetes/logging', 'shop/web logging', 'the cluster rotates logs']]);
    expect(kept.filter((d) => d.target === 'kubernetes').map((d) => `${d.code} ${d.path}`)).toEqual([
      'kubernetes/logging shop/api logging',
      'kubernetes/secret-name shop/db-password existingName',
    ]);
  });

  test('kubernetes/autoscale-requests', () => {
    const s = sys();
    new Service(s, 'api', { image: Image.of('nginx:1.27'), resources: { memory: '256m' }, autoscale: { min: 1, max: 3, cpuPercent: 70 } });
    const { d, r } = only(s, 'kubernetes/autoscale-requests');
    expect(r.yaml).toBe('');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/api resources',
      'autoscale.cpuPercent is measured against a CPU request, which api does not make (got no cpu reservation or limit)',
      'Set resources: { cpuShares: 256 or cpus: 0.5 } on api, or leave cpuPercent out of autoscale.',
    ]);
  });

  test('kubernetes/routed-port', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).publish(8080).route('https://shop.example.com/')] });
    const { d, r } = only(s, 'kubernetes/routed-port');
    expect([d.path, d.message]).toEqual(['shop/web ports[0].routes', 'the port has a route (https://shop.example.com/): it is reached through the Ingress, and no LoadBalancer Service publishes it']);
    expect(r.objects.filter((o) => o.kind === 'Service').map((o) => o.metadata?.name)).toEqual(['web']);
  });

  test('kubernetes/route-tls', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.http(80).route('https://shop.example.com/')] });
    const { d } = only(s, 'kubernetes/route-tls');
    expect([d.path, d.message]).toEqual(['shop targetOptions.kubernetes', 'the Ingress serves shop.example.com over https with the certificate in the Secret shop-tls, which must exist in the namespace']);
  });

  test('kubernetes/single-writer-replicas', () => {
    const s = sys();
    const data = new Volume(s, 'pgdata');
    new Service(s, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/var/lib/postgresql/data')], replicas: 2 });
    const { d, r } = only(s, 'kubernetes/single-writer-replicas');
    expect(r.yaml).toBe('');
    expect([d.path, d.message]).toEqual([
      'shop/db replicas',
      '2 replicas cannot share the single-writer volume pgdata (a ReadWriteOnce claim): a pod on a second node, or a rollout, would wait on a Multi-Attach error (got 2)',
    ]);
    expect(d.fix).toBe(
      'Use replicas: 1 for a service that owns its volume; to scale, keep the state in a service of its own (a database) and run the replicas without the volume, or mount the volume in a second workload too, which makes it ReadWriteMany.',
    );
  });

  test('a code that is not in KUBERNETES_CODES does not compile, and fails if it ever ran', () => {
    const report = (reporter: KubernetesReporter) => {
      // @ts-expect-error: 'kubernetes/no-such-code' is not a Kubernetes code (tsc checks this line)
      reporter.report('kubernetes/no-such-code', 'shop/web', 'a message');
    };
    expect(() => report(new Reporter(KUBERNETES_CODES, 'kubernetes'))).toThrow(TypeError);
  });

  test('kubernetes/loopback-port', () => {
    const s = sys();
    new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { hostIp: '127.0.0.1' })] });
    const { d, r } = only(s, 'kubernetes/loopback-port');
    expect([d.path, d.fix]).toEqual(['shop/db ports[0]', 'Reach it from your machine with `kubectl port-forward service/db 5432:5432`.']);
    expect(r.has('Service', 'db-lb')).toBe(false);
  });

  test('kubernetes/host-ip', () => {
    const s = sys();
    new Service(s, 'db', { image: Image.of('postgres:16.4'), ports: [Port.tcp(5432).publish(5432, { hostIp: '10.1.2.3' })] });
    const { d, r } = only(s, 'kubernetes/host-ip');
    expect([d.path, d.message]).toEqual([
      'shop/db ports[0]',
      'port 5432/tcp is bound to host address 10.1.2.3, which a pod does not have: it is not published, only the ClusterIP Service db has it',
    ]);
    expect(r.has('Service', 'db-lb')).toBe(false);
  });

  test('kubernetes/service-restart', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], restart: 'no' });
    const { d } = only(s, 'kubernetes/service-restart');
    expect(d.path).toBe('shop/web restart');
  });

  test('kubernetes/stop-signal', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), stop: { signal: 'SIGQUIT' } });
    const { d } = only(s, 'kubernetes/stop-signal');
    expect([d.path, d.fix]).toEqual(['shop/web stop.signal', 'Write STOPSIGNAL SIGQUIT in the Dockerfile, which every target honours (or add a preStop hook that sends SIGQUIT to process 1).']);
  });

  test('kubernetes/init-shared-processes', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('node:20'), init: true });
    const { d, r } = only(s, 'kubernetes/init-shared-processes');
    expect([d.path, d.message]).toEqual([
      'shop/web init',
      "a pod has no init option: the containers of web share one process namespace (shareProcessNamespace), whose pause process reaps zombies and leaves the command able to stop on SIGTERM, and each container sees the processes of the others",
    ]);
    expect(r.pod('web').spec.shareProcessNamespace).toBe(true);
  });

  test('kubernetes/init-host-pid', () => {
    const s = sys();
    new Service(s, 'agent', { image: Image.of('portainer/agent:2.19.5'), init: true, hostPid: true });
    const { d, r } = only(s, 'kubernetes/init-host-pid');
    expect([d.path, d.message]).toEqual([
      'shop/agent init',
      "a pod has no init option, and shareProcessNamespace, which stands in for one, cannot be set beside hostPID: in the host's process namespace the command of agent is not process 1, so it stops on SIGTERM, and the container runtime reaps the processes it leaves",
    ]);
    expect([r.pod('agent').spec.hostPID, r.pod('agent').spec.shareProcessNamespace]).toEqual([true, undefined]);
  });

  test('kubernetes/entrypoint-reset', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), entrypoint: [] });
    const { d, r } = only(s, 'kubernetes/entrypoint-reset');
    expect([d.path, d.message]).toEqual([
      'shop/web entrypoint',
      "an empty entrypoint clears the image's ENTRYPOINT so that Docker runs the image's CMD alone, but an empty command is no command to Kubernetes: the image's ENTRYPOINT runs",
    ]);
    expect(r.container('web').command).toBeUndefined();
  });

  test('kubernetes/hostname-domain', () => {
    const s = sys();
    new Service(s, 'mail', { image: Image.of('nginx:1.27'), hostname: 'mail.example.com' });
    const { d, r } = only(s, 'kubernetes/hostname-domain');
    expect([d.path, d.message]).toEqual(['shop/mail hostname', "a pod's hostname is one DNS label: mail sees mail as its host name, not mail.example.com, and its domain is the cluster's, not example.com"]);
    expect(r.pod('mail').spec.hostname).toBe('mail');
  });

  test('kubernetes/host-aliases', () => {
    const s = sys();
    new Service(s, 'prometheus', { image: Image.of('prom/prometheus:v2.53.0'), extraHosts: { 'host.docker.internal': 'host-gateway' } });
    const { d, r } = only(s, 'kubernetes/host-aliases');
    expect([d.path, d.message]).toEqual(['shop/prometheus extraHosts.host.docker.internal', 'Kubernetes has no host-gateway: prometheus cannot resolve host.docker.internal to the node it runs on']);
    expect(r.pod('prometheus').spec.hostAliases).toBeUndefined();
  });

  test('kubernetes/pids-limit', () => {
    const s = sys();
    new Service(s, 'app', { image: Image.of('nginx:1.27'), resources: { pids: 200 } });
    const { d, r } = only(s, 'kubernetes/pids-limit');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/app resources.pids',
      "a pod spec sets no process limit: app may run as many processes as the node's kubelet allows every pod (podPidsLimit), not 200",
      'Set podPidsLimit in the kubelet configuration of the nodes that run it: it limits every pod there.',
    ]);
    expect(r.container('app').resources).toBeUndefined();
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('kubernetes/ulimits', () => {
    const s = sys();
    new Service(s, 'es', { image: Image.of('elasticsearch:8.14.0'), ulimits: { memlock: -1, nofile: 65536 } });
    const { d } = only(s, 'kubernetes/ulimits');
    expect([d.path, d.message]).toEqual(['shop/es ulimits', "a pod sets no resource limits: es runs with the node's container runtime defaults, not memlock=-1, nofile=65536"]);
  });

  test('kubernetes/device-by-path', () => {
    const s = sys();
    new Service(s, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), devices: ['/dev/dri'] });
    const { d, r } = only(s, 'kubernetes/device-by-path');
    expect([d.path, d.message]).toEqual(['shop/jellyfin devices', 'a pod cannot be given host devices by path: jellyfin runs without /dev/dri']);
    expect(JSON.stringify(r.pod('jellyfin'))).not.toContain('/dev/dri');
  });

  test('kubernetes/gpus', () => {
    const s = sys();
    new Service(s, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), gpus: { count: 1 } });
    const { d, r } = only(s, 'kubernetes/gpus');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/ollama gpus',
      'ollama requests 1 GPU as the resource nvidia.com/gpu: its pods run only on nodes where the NVIDIA device plugin offers them, and tolerate their taint nvidia.com/gpu:NoSchedule',
      'Install the NVIDIA device plugin (or the NVIDIA GPU Operator) on the GPU nodes of the cluster.',
    ]);
    expect(r.container('ollama').resources).toEqual({ limits: { 'nvidia.com/gpu': '1' } });
    expect(r.pod('ollama').spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('kubernetes/gpus-not-counted', () => {
    const s = sys();
    new Service(s, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), gpus: { count: 'all' } });
    const { d, r } = only(s, 'kubernetes/gpus-not-counted');
    expect([d.path, d.message, d.fix]).toEqual(['shop/ollama gpus', 'a pod requests GPUs by count only (the resource nvidia.com/gpu): ollama cannot be given all GPUs', 'Give a count, the GPUs a task needs: gpus: { count: 1 }.']);
    expect(r.yaml).toBe('');
    const ids = sys();
    new Service(ids, 'ollama', { image: Image.of('ollama/ollama:0.3.12'), gpus: { deviceIds: ['0', '1'] } });
    expect(render(ids).diagnostic('kubernetes/gpus-not-counted').fix).toBe('Give a count instead of the ids: gpus: { count: 2 }.');
  });

  test('kubernetes/gpu-capabilities', () => {
    const s = sys();
    new Service(s, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), gpus: { count: 1, capabilities: ['gpu', 'video'] } });
    const { d } = only(s, 'kubernetes/gpu-capabilities');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/jellyfin gpus.capabilities',
      "a pod asks for no GPU capabilities: jellyfin gets the NVIDIA runtime's default (compute, utility), not video",
      "Add NVIDIA_DRIVER_CAPABILITIES: 'compute,utility,video' to the env of jellyfin: the NVIDIA runtime of the node reads it.",
    ]);
  });

  test('kubernetes/group-name', () => {
    const s = sys();
    new Service(s, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['render', '44'] } });
    const { d, r } = only(s, 'kubernetes/group-name');
    expect([d.path, d.message]).toEqual(['shop/jellyfin security.groups', 'supplementalGroups takes numeric gids: jellyfin is not in render']);
    expect(r.pod('jellyfin').spec.securityContext.supplementalGroups).toEqual([44]);
  });

  test('kubernetes/groups-shared', () => {
    const s = sys();
    const jellyfin = new Service(s, 'jellyfin', { image: Image.of('jellyfin/jellyfin:10.9.7'), security: { groups: ['44'] } });
    jellyfin.addSidecar('exporter', { image: Image.of('acme/exporter:1.0') });
    const { d, r } = only(s, 'kubernetes/groups-shared');
    expect([d.path, d.message]).toEqual(['shop/jellyfin/exporter security.groups', 'supplementalGroups belong to the pod, not to a container: exporter is in 44 too, which another container asks for']);
    expect(d.fix).toBe('Give exporter the same groups (security.groups), or run the container that needs that group as a workload of its own.');
    expect(r.pod('jellyfin').spec.securityContext.supplementalGroups).toEqual([44]);
  });

  test('kubernetes/dns-servers', () => {
    const s = sys();
    new Service(s, 'app', { image: Image.of('nginx:1.27'), dns: ['1.1.1.1', '9.9.9.9'] });
    const { d, r } = only(s, 'kubernetes/dns-servers');
    expect([d.path, d.message]).toEqual([
      'shop/app dns',
      "the pod asks the cluster's DNS, so that it reaches other workloads by name, first: app asks 1.1.1.1, 9.9.9.9 when that does not answer",
    ]);
    expect(r.pod('app').spec.dnsConfig).toEqual({ nameservers: ['1.1.1.1', '9.9.9.9'] });
  });

  test('kubernetes/dns-search', () => {
    const s = sys();
    new Service(s, 'app', { image: Image.of('nginx:1.27'), dns: { search: ['corp.example.com', 'example.com'], options: ['ndots:2', 'use-vc'] } });
    const { d, r } = only(s, 'kubernetes/dns-search');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/app dns.search',
      "the pod tries a short name in the cluster's search domains (<namespace>.svc.cluster.local, svc.cluster.local, cluster.local) and the node's first: app tries corp.example.com, example.com after them",
      'Write the full name (name.corp.example.com) where a short name must reach corp.example.com and not a workload of the same name.',
    ]);
    expect(r.pod('app').spec.dnsConfig).toEqual({ searches: ['corp.example.com', 'example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'use-vc' }] });
    expect(r.codes).not.toContain('kubernetes/dns-servers');
    expect(validateManifest(r.yaml)).toEqual([]);
  });

  test('kubernetes/dns-search-limit', () => {
    const s = sys();
    const domains = Array.from({ length: 33 }, (_, i) => `d${i}.example.com`);
    new Service(s, 'app', { image: Image.of('nginx:1.27'), dns: { search: domains } });
    const { d, r } = only(s, 'kubernetes/dns-search-limit');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/app dns.search',
      "a pod's dnsConfig takes at most 32 search domains, 2048 characters with the spaces between them: app gives 33, 517 characters",
      "List at most 29 search domains (the kubelet puts the cluster's 3 before them, 32 in all) within 2048 characters, and write other names in full (name.d0.example.com).",
    ]);
    expect(r.codes).not.toContain('kubernetes/dns-search');
    // 32 domains are taken, and the schema accepts them
    const most = sys();
    new Service(most, 'app', { image: Image.of('nginx:1.27'), dns: { search: domains.slice(0, 32) } });
    const taken = render(most);
    expect(taken.codes).not.toContain('kubernetes/dns-search-limit');
    expect(taken.pod('app').spec.dnsConfig.searches).toHaveLength(32);
    expect(validateManifest(taken.yaml)).toEqual([]);
    // 11 long domains pass 2048 characters with the spaces between them
    const long = sys();
    const label = 'a'.repeat(63);
    new Service(long, 'app', { image: Image.of('nginx:1.27'), dns: { search: Array.from({ length: 11 }, (_, i) => `${label}.${label}.${label}.d${i}.example`) } });
    expect(render(long).diagnostic('kubernetes/dns-search-limit').message).toBe(
      "a pod's dnsConfig takes at most 32 search domains, 2048 characters with the spaces between them: app gives 11, 2233 characters",
    );
  });

  test('kubernetes/container-name', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], containerName: 'Web_1' });
    const { d, r } = only(s, 'kubernetes/container-name');
    expect(d.message).toBe('Web_1 is not a DNS label, so no Service can carry it: other pods reach web only as web');
    expect(r.has('Service', 'Web_1')).toBe(false);
  });

  test('kubernetes/alias-without-ports', () => {
    const s = sys();
    new Service(s, 'db', { image: Image.of('postgres:16.4'), aliases: ['database'] });
    const { d, r } = only(s, 'kubernetes/alias-without-ports');
    expect([d.path, d.message, d.fix]).toEqual([
      'shop/db aliases',
      'db declares no ports, so no Service carries database: a pod that looks up that name (or db) gets no address',
      'Declare the ports db listens on (e.g. ports: [Port.tcp(8080)]).',
    ]);
    expect(r.has('Service', 'database')).toBe(false);
  });

  test('kubernetes/container-alias', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), ports: [Port.tcp(80)], containerName: 'front' });
    const { r } = only(s, 'kubernetes/container-alias');
    expect(r.has('Service', 'front')).toBe(true);
  });

  test('kubernetes/unsafe-sysctl', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), sysctls: { 'net.core.somaxconn': '1024' } });
    const { d } = only(s, 'kubernetes/unsafe-sysctl');
    expect(d.message).toBe('net.core.somaxconn is not one of the sysctls a kubelet allows by default: the pod of web is refused (SysctlForbidden) on a node that does not allow it');
  });

  test('kubernetes/placement', () => {
    const s = sys();
    new Service(s, 'db', { image: Image.of('postgres:16.4'), placement: { constraints: [Placement.role('manager')] } });
    const { d, r } = only(s, 'kubernetes/placement');
    expect([d.path, d.message]).toEqual(['shop/db placement.constraints[0]', 'Kubernetes keeps workloads off its control plane (managed clusters have none): node.role == manager is left out, and db runs on any worker node.']);
    expect(r.pod('db').spec.affinity).toBeUndefined();
  });

  test('kubernetes/max-replicas-per-node', () => {
    const s = sys();
    new Service(s, 'web', { image: Image.of('nginx:1.27'), replicas: 4, placement: { maxReplicasPerNode: 2 } });
    const { d } = only(s, 'kubernetes/max-replicas-per-node');
    expect(d.path).toBe('shop/web placement.maxReplicasPerNode');
  });

  test('every code of the catalogue has a test here', () => {
    expect([...tested].sort()).toEqual(Object.keys(KUBERNETES_CODES).sort());
  });
});
