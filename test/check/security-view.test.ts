import { checkApps, formatJson, formatText, SECURITY_REQUIREMENTS } from '../../lib/check';
import { Image, Security, Service, System } from '../../lib/model';
import type { LoadedApp } from '../../lib/synth/load-apps';
import { runLading } from '../support/run-cli';

const loaded = (s: System): LoadedApp => ({ name: s.name, file: `apps/${s.name}.ts`, spec: s.toSpec() });

function shop(): System {
  const s = new System('shop');
  const api = new Service(s, 'api', { image: Image.of('shop/api:1.0'), security: Security.restricted({ user: '10001' }) });
  api.addSidecar('log', { image: Image.of('busybox:1.36.1'), command: ['sleep', 'infinity'], security: { user: 'app', capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } });
  new Service(s, 'legacy', { image: Image.of('nginx:1.27'), privileged: true });
  return s;
}

describe('lading check --security: the restricted profile per workload and target', () => {
  test('GIVEN a restricted service WHEN checked with security THEN every requirement is met on Compose, Kubernetes and docker, and no new privileges is missing on ECS and Swarm', async () => {
    const report = await checkApps([loaded(shop())], { targets: ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'], security: true });
    const api = report.apps[0].security!.find((w) => w.name === 'api')!;
    const main = api.containers.find((c) => c.container === 'api')!;
    expect(main.requirements.map((r) => r.requirement)).toEqual(SECURITY_REQUIREMENTS.map((r) => r.id));
    for (const t of ['compose', 'kubernetes', 'docker'] as const) expect(main.requirements.every((r) => r.targets[t]?.met)).toBe(true);
    const nnp = main.requirements.find((r) => r.requirement === 'noNewPrivileges')!;
    expect(nnp.targets.ecs?.met).toBe(false);
    expect(nnp.targets.ecs?.reason).toMatch(/^Fargate cannot forbid new privileges to api/);
    expect(nnp.targets.ecs?.diagnostics.map((d) => d.code)).toEqual(['ecs/no-new-privileges-fargate']);
    expect(nnp.targets.swarm?.met).toBe(false);
    expect(nnp.targets.swarm?.diagnostics.map((d) => d.code)).toEqual(['swarm/no-new-privileges']);
    // the sidecar fails the workload: a user name and an added capability
    expect(api.restricted).toEqual({ compose: false, kubernetes: false, ecs: false, docker: false, swarm: false });
    const log = api.containers.find((c) => c.container === 'log')!;
    const user = log.requirements.find((r) => r.requirement === 'nonRootUser')!;
    expect(user.targets.compose).toEqual({ met: false, reason: 'user app is not numeric', diagnostics: [] });
    expect(log.requirements.find((r) => r.requirement === 'capabilitiesDropped')!.targets.docker?.reason).toBe('adds NET_ADMIN (only NET_BIND_SERVICE is allowed)');
    const legacy = report.apps[0].security!.find((w) => w.name === 'legacy')!.containers[0];
    expect(legacy.requirements.filter((r) => !r.targets.compose?.met).map((r) => r.requirement)).toEqual([
      'nonRootUser', 'readOnlyRootFilesystem', 'capabilitiesDropped', 'noNewPrivileges', 'seccomp', 'notPrivileged',
    ]);
  });

  test('GIVEN a service sharing the host\'s process namespace WHEN checked with security THEN the requirement is missing where the target shares it, and met on Swarm and Fargate, which leave hostPid out', async () => {
    const s = new System('mon');
    new Service(s, 'node-exporter', { image: Image.of('prom/node-exporter:v1.8.2'), mode: 'global', hostPid: true, security: Security.restricted({ user: '65534' }) });
    const report = await checkApps([loaded(s)], { targets: ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'], security: true });
    const pid = report.apps[0].security![0].containers[0].requirements.find((r) => r.requirement === 'noHostPid')!;
    expect(Object.fromEntries(Object.entries(pid.targets).map(([t, c]) => [t, c.met]))).toEqual({ compose: false, kubernetes: false, ecs: true, docker: false, swarm: true });
    expect(pid.targets.compose?.reason).toBe('shares the host’s process namespace');
    expect(pid.targets.swarm?.diagnostics.map((d) => d.code)).toEqual(['swarm/host-pid']);
  });

  test('GIVEN the security view WHEN formatted THEN the text counts met requirements per container and names what is missing; JSON carries it', async () => {
    const report = await checkApps([loaded(shop())], { targets: ['compose', 'ecs'], security: true });
    const text = formatText(report, { width: 200 });
    expect(text).toContain('    container  compose  ecs');
    expect(text).toContain('    api        8/8      7/8');
    expect(text).toContain('    api/log    4/8      4/8');
    expect(text).toContain('      api no new privileges (ecs): Fargate cannot forbid new privileges to api: its task definitions take no Docker security options');
    expect(text).toContain('      legacy not privileged (every target): runs privileged');
    expect(text).toContain('      legacy all capabilities dropped (every target): Docker’s default capabilities are kept: nothing drops ALL');
    expect(JSON.parse(formatJson(report)).apps[0].security[0].name).toBe('api');
  });

  test('GIVEN no --security WHEN checked THEN the report has no security view', async () => {
    const report = await checkApps([loaded(shop())], { targets: ['compose'] });
    expect(report.apps[0].security).toBeUndefined();
    expect(formatText(report)).not.toContain('restricted profile');
  });

  test('GIVEN the CLI WHEN lading check --security --format json runs on an example THEN it prints the view', () => {
    const r = runLading(['check', '--app', 'echo-server', '--target', 'compose', 'kubernetes', '--security', '--format', 'json']);
    expect(r.code).toBe(0);
    const echo = JSON.parse(r.stdout).apps[0].security.find((w: { name: string }) => w.name === 'echo');
    expect(echo.restricted).toEqual({ compose: true, kubernetes: true });
  });

  test('GIVEN a security prop a target does not carry WHEN checked THEN the portability table shows it under the security concept', async () => {
    const report = await checkApps([loaded(shop())], { targets: ['compose', 'swarm'] });
    const concept = report.apps[0].workloads.find((w) => w.name === 'api')!.concepts.find((c) => c.concept === 'security')!;
    expect(concept.label).toBe('security');
    expect(concept.targets.compose).toEqual({ status: 'exact', diagnostics: [] });
    expect(concept.targets.swarm?.status).toBe('approx');
    expect(concept.targets.swarm?.diagnostics.map((d) => d.code)).toEqual(['swarm/no-new-privileges']);
  });

  test('GIVEN a node exporter on the host process namespace WHEN checked THEN no host process namespace is missing on every target, with why', async () => {
    const sys = new System('mon');
    new Service(sys, 'node-exporter', { image: Image.of('prom/node-exporter:v1.8.0'), hostPid: true });
    const report = await checkApps([{ name: 'mon', file: 'apps/mon.ts', spec: sys.toSpec() }], { targets: ['compose', 'kubernetes'], security: true });
    const pid = report.apps[0].security![0].containers[0].requirements.find((r) => r.requirement === 'noHostPid')!;
    expect([pid.targets.compose?.reason, pid.targets.kubernetes?.reason]).toEqual(['shares the host’s process namespace', 'shares the host’s process namespace']);
  });
});
