import { attribute, checkApps, formatJson, formatText, wrap, type CheckReport } from '../../lib/check';
import { Dependency, HealthCheck, Image, Job, Mount, Network, Placement, Port, Secret, Security, Service, System, Volume, type ServiceProps } from '../../lib/model';
import type { LoadedApp } from '../../lib/synth/load-apps';

const CLEAN: ServiceProps = {
  image: Image.of('nginx:1.27'),
  security: Security.restricted({ user: '10001' }),
  resources: { memory: '128m', cpus: 0.5 },
  logging: { maxSize: '10m', maxFiles: 3 },
};

const loaded = (s: System): LoadedApp => ({ name: s.name, file: `apps/${s.name}.ts`, spec: s.toSpec() });

function cell(report: CheckReport, workload: string, concept: string, target: 'compose' | 'kubernetes' | 'ecs' | 'docker' | 'swarm') {
  const w = report.apps[0].workloads.find((x) => x.name === workload);
  return w?.concepts.find((c) => c.concept === concept)?.targets[target];
}

describe('lading check: the portability report', () => {
  test('GIVEN a service with a bind mount on Fargate WHEN checked THEN the mount is an error on ECS, with its fix, and exact on Compose', async () => {
    const s = new System('shop');
    new Service(s, 'web', { ...CLEAN, mounts: [Mount.bind('/srv/site', '/usr/share/nginx/html', { readOnly: true })] });
    const report = await checkApps([loaded(s)], { targets: ['compose', 'ecs'] });
    expect(cell(report, 'web', 'mounts', 'compose')).toEqual({ status: 'exact', diagnostics: [] });
    const ecs = cell(report, 'web', 'mounts', 'ecs');
    expect(ecs?.status).toBe('error');
    expect(ecs?.diagnostics.map((d) => [d.code, d.path])).toEqual([['ecs/bind-mount-fargate', 'shop/web mounts[0]']]);
    expect(ecs?.diagnostics[0].fix).toBeTruthy();
    expect(report.ok).toBe(false);
    expect(report.counts.error).toBe(1);
  });

  test('GIVEN a database placed on a Swarm manager WHEN checked THEN placement is its own row: exact on Swarm, a loss with its fix on Kubernetes', async () => {
    const s = new System('shop');
    new Service(s, 'db', { ...CLEAN, placement: { constraints: [Placement.role('manager')] } });
    const report = await checkApps([loaded(s)], { targets: ['swarm', 'kubernetes'] });
    expect(cell(report, 'db', 'placement', 'swarm')).toEqual({ status: 'exact', diagnostics: [] });
    const k8s = cell(report, 'db', 'placement', 'kubernetes');
    expect([k8s?.status, k8s?.diagnostics.map((d) => [d.code, d.path])]).toEqual(['approx', [['kubernetes/placement', 'shop/db placement.constraints[0]']]]);
  });

  test('GIVEN a task size that Fargate rounds WHEN checked THEN resources are approximate and the note says how', async () => {
    const s = new System('shop');
    new Service(s, 'web', { ...CLEAN, resources: { memory: '100m', cpus: 0.3 } });
    const report = await checkApps([loaded(s)], { targets: ['ecs'] });
    const ecs = cell(report, 'web', 'resources', 'ecs');
    expect(ecs?.status).toBe('approx');
    expect(ecs?.diagnostics[0].code).toBe('ecs/fargate-task-size');
    const text = formatText(report);
    expect(text).toMatch(/web +resources +approx 1/);
    expect(text).toContain('[1] info ecs/fargate-task-size shop/web resources: the containers need 308 CPU units and 100\n        MiB; the smallest Fargate size that holds them is 512 CPU units and 1024 MiB');
  });

  test('GIVEN a volume shared by two workloads WHEN a target notes its size THEN both workloads carry the note under mounts', async () => {
    const s = new System('shop');
    const data = new Volume(s, 'data', { size: '1Gi' });
    new Service(s, 'a', { ...CLEAN, mounts: [Mount.volume(data, '/data')] });
    new Service(s, 'b', { ...CLEAN, mounts: [Mount.volume(data, '/data', { readOnly: true })] });
    const report = await checkApps([loaded(s)], { targets: ['compose'] });
    expect(cell(report, 'a', 'mounts', 'compose')?.diagnostics.map((d) => d.code)).toEqual(['compose/volume-size']);
    expect(cell(report, 'b', 'mounts', 'compose')?.diagnostics.map((d) => d.code)).toEqual(['compose/volume-size']);
    // one note, one path: the volume's
    expect(formatText(report)).toContain('[1] info compose/volume-size shop/data size: a Compose volume has no size');
  });

  test('GIVEN paths of every kind WHEN attributed THEN each lands on its workload and concept', () => {
    const s = new System('shop');
    const net = new Network(s, 'backend');
    const pw = new Secret(s, 'pw');
    const web = new Service(s, 'web', { ...CLEAN, networks: [net], secretEnv: { PW: pw } });
    web.addSidecar('shipper', { ...CLEAN });
    const login = new Secret(s, 'login');
    new Job(s, 'migrate', { ...CLEAN, image: Image.of('ghcr.io/org/migrate:1.0', { credentials: login }), networks: [net] });
    const spec = s.toSpec();
    const at = (path: string) => attribute(spec, { code: 'x/y', severity: 'info', path, message: 'm' });
    expect(at('shop/web ports[1]')).toEqual({ workloads: ['web'], concept: 'ports' });
    expect(at('shop/web user')).toEqual({ workloads: ['web'], concept: 'process' });
    expect(at('shop/web/shipper logging')).toEqual({ workloads: ['web'], concept: 'logging' });
    expect(at('shop/web/shipper')).toEqual({ workloads: ['web'], concept: 'sidecars' });
    expect(at('shop/migrate')).toEqual({ workloads: ['migrate'], concept: 'workload' });
    expect(at('shop/backend')).toEqual({ workloads: ['migrate', 'web'], concept: 'networks' });
    expect(at('shop/pw')).toEqual({ workloads: ['web'], concept: 'secretEnv' });
    expect(at('shop/login')).toEqual({ workloads: ['migrate'], concept: 'image' });
    expect(at('shop targetOptions.ecs.launchType')).toEqual({ workloads: [], concept: 'options' });
    expect(at('shop')).toEqual({ workloads: [], concept: 'other' });
  });

  test('GIVEN lint findings and a suppression WHEN checked THEN lint is listed, and what was turned off with its reason', async () => {
    const s = new System('shop');
    new Service(s, 'web', { ...CLEAN, image: Image.of('nginx'), logging: undefined, suppress: { 'lint/no-log-limit': 'journald rotates the logs' } });
    const report = await checkApps([loaded(s)], { targets: ['compose'] });
    const app = report.apps[0];
    expect(app.lint.map((d) => d.code)).toEqual(['lint/unpinned-image']);
    expect(app.suppressed).toEqual([
      { path: 'shop/web', rule: 'lint/no-log-limit', reason: 'journald rotates the logs', diagnostics: [expect.objectContaining({ code: 'lint/no-log-limit', path: 'shop/web logging' })] },
    ]);
    expect(app.counts).toEqual({ error: 0, warning: 1, info: 0, suppressed: 1 });
    const text = formatText(report);
    expect(text).toContain('  lint:\n    warning lint/unpinned-image shop/web image: "nginx" has no tag, so it means latest');
    expect(text).toContain('  turned off:\n    lint/no-log-limit on shop/web: "journald rotates the logs" (1 finding(s) hidden)');
    expect(report.ok).toBe(true);
    // WHEN strict THEN the warning counts
    const strict = await checkApps([loaded(s)], { targets: ['compose'], strict: true });
    expect(strict.ok).toBe(false);
    expect(formatText(strict)).toMatch(/failed \(--strict: warnings count\)\n$/);
  });

  test('GIVEN a suppressed target warning WHEN checked THEN it is not in the table and is listed as turned off', async () => {
    const s = new System('shop');
    new Service(s, 'web', { ...CLEAN, privileged: true, suppress: { 'compose/privileged': 'needs /dev/kvm', 'lint/privileged': 'needs /dev/kvm' } });
    const report = await checkApps([loaded(s)], { targets: ['compose'] });
    expect(cell(report, 'web', 'privileged', 'compose')).toEqual({ status: 'exact', diagnostics: [] });
    expect(report.apps[0].suppressed.map((x) => [x.rule, x.diagnostics.length])).toEqual([
      ['compose/privileged', 1],
      ['lint/privileged', 1],
    ]);
  });

  test('GIVEN the Compose-only lint error WHEN Compose is not checked THEN it is not raised', async () => {
    const s = new System('shop');
    new Service(s, 'web', { ...CLEAN, replicas: 3, ports: [Port.tcp(80).publish(8080)] });
    expect((await checkApps([loaded(s)], { targets: ['kubernetes'] })).ok).toBe(true);
    const compose = await checkApps([loaded(s)], { targets: ['compose'] });
    expect(compose.ok).toBe(false);
    expect(compose.apps[0].lint.map((d) => [d.code, d.target])).toEqual([['lint/fixed-port-replicas', 'compose']]);
  });

  test('GIVEN a report WHEN formatted THEN no line is wider than the width, colour only when asked, JSON round-trips', async () => {
    const s = new System('shop');
    const db = new Service(s, 'db', { ...CLEAN, health: HealthCheck.http('/', 80), ports: [Port.tcp(5432)] });
    new Service(s, 'web', { ...CLEAN, dependsOn: [Dependency.healthy(db)], mounts: [Mount.ephemeral('/cache', { tmpfs: true, sizeLimit: '8m' })] });
    const report = await checkApps([loaded(s)], { targets: ['compose', 'kubernetes', 'ecs', 'docker'] });
    const plain = formatText(report, { width: 80 });
    expect(plain).not.toMatch(/\u001b\[/);
    // table rows and notes fit in 80 columns (a single word longer than the width is the only exception)
    for (const line of plain.split('\n')) if (line.includes(' ')) expect(line.trimEnd().length <= 80 || !/ \S+ /.test(line.slice(80))).toBe(true);
    expect(formatText(report, { color: true })).toMatch(/\u001b\[33mapprox/);
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(plain).not.toContain('undefined');
  });

  test('GIVEN every target WHEN checked THEN Swarm has its column: cpu shares and dependencies approximate there, exact on Compose', async () => {
    const s = new System('shop');
    const db = new Service(s, 'db', { ...CLEAN, resources: { memory: '128m', cpus: 0.5, cpuShares: 512 } });
    new Service(s, 'web', { ...CLEAN, dependsOn: [Dependency.started(db)] });
    const report = await checkApps([loaded(s)], { targets: ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'] });
    expect(report.targets).toEqual(['compose', 'kubernetes', 'ecs', 'docker', 'swarm']);
    expect(cell(report, 'db', 'resources', 'swarm')?.diagnostics.map((d) => [d.code, d.path])).toEqual([['swarm/cpu-shares', 'shop/db resources.cpuShares']]);
    expect(cell(report, 'db', 'resources', 'compose')).toEqual({ status: 'exact', diagnostics: [] });
    expect(cell(report, 'web', 'dependsOn', 'swarm')?.status).toBe('approx');
    const text = formatText(report, { width: 200 });
    expect(text).toMatch(/ {2}workload +concept +compose +kubernetes +ecs +docker +swarm\n/);
    expect(text).toMatch(/ depends on +exact +approx \d+ +approx \d+ +exact +approx \d+\n/);
  });

  test('GIVEN text WHEN wrapped THEN it breaks at spaces with a hanging indent', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '> ', '  ')).toEqual(['> aaa bbb', '  ccc ddd']);
  });
});
