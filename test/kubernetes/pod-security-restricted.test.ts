import { execFileSync } from 'child_process';
import * as path from 'path';
import { Dependency, HealthCheck, Image, Job, Mount, Port, Security, Service, System } from '../../lib/model';
import { loadExamples } from '../support/examples';
import { render } from './render';

/** The Pod Security Standards as @monokle/validation judges them (test/support/pss-judge.mjs): every rule, offline. */
interface Judgement {
  readonly rules: string[];
  readonly findings: { rule: string; name: string; resource: string; message: string }[];
}

function judge(yaml: string): Judgement {
  const script = path.join(__dirname, '..', 'support', 'pss-judge.mjs');
  return JSON.parse(execFileSync(process.execPath, [script], { input: yaml, encoding: 'utf8', timeout: 60_000 })) as Judgement;
}

/** The rule ids of the baseline (1xx) and restricted (2xx) profiles in @monokle/validation's PSS plugin. */
const PSS_RULES = ['PSS101', 'PSS102', 'PSS103', 'PSS104', 'PSS105', 'PSS106', 'PSS107', 'PSS108', 'PSS109', 'PSS110', 'PSS111', 'PSS201', 'PSS202', 'PSS203', 'PSS204', 'PSS205', 'PSS206'];

function restrictedSystem(): System {
  const sys = new System('vault');
  const db = new Service(sys, 'db', {
    image: Image.of('postgres:16.4'),
    ports: [Port.tcp(5432)],
    security: Security.restricted({ user: '999:999' }),
    health: HealthCheck.command(['pg_isready', '-U', 'postgres']),
    mounts: [Mount.ephemeral('/var/lib/postgresql/data'), Mount.ephemeral('/var/run/postgresql', { tmpfs: true })],
  });
  const web = new Service(sys, 'web', {
    image: Image.of('nginxinc/nginx-unprivileged:1.27'),
    ports: [Port.http(8080).publish(80)],
    security: Security.restricted({ user: '101:101', add: ['NET_BIND_SERVICE'] }),
    mounts: [Mount.ephemeral('/tmp', { tmpfs: true })],
    dependsOn: [Dependency.healthy(db)],
  });
  web.addSidecar('shipper', {
    image: Image.of('busybox:1.36.1'),
    command: ['sleep', 'infinity'],
    security: Security.restricted({ user: '65534' }),
  });
  new Job(sys, 'migrate', {
    image: Image.of('shop/migrate:1.0'),
    command: ['migrate', 'up'],
    restart: 'on-failure:3',
    security: Security.restricted({ user: '10001' }),
    dependsOn: [Dependency.started(db)],
  });
  new Job(sys, 'backup', {
    image: Image.of('shop/backup:1.0'),
    schedule: '0 3 * * *',
    restart: 'no',
    security: Security.restricted({ user: '10001:10001' }),
    mounts: [Mount.ephemeral('/tmp')],
  });
  return sys;
}

describe('Kubernetes: the Pod Security Standards, judged by @monokle/validation', () => {
  test('GIVEN every workload with Security.restricted (main, sidecar, job, CronJob, wait containers) WHEN rendered THEN the restricted profile has zero findings', () => {
    // GIVEN / WHEN
    const r = render(restrictedSystem());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const verdict = judge(r.yaml);
    // THEN every rule of both profiles ran, and none found anything
    expect(verdict.rules).toEqual(PSS_RULES);
    expect(verdict.findings).toEqual([]);
    // and the judge did see the pods: the Deployments, the Job, the CronJob and a wait container
    expect(r.pod('web').spec.initContainers).toHaveLength(1);
    expect(r.has('CronJob', 'backup') && r.has('Job', 'migrate')).toBe(true);
  });

  test('GIVEN a container with no security WHEN judged THEN the judge finds what the restricted profile misses', () => {
    const sys = new System('open');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const names = judge(render(sys).yaml).findings.map((f) => f.name);
    // Docker's defaults already satisfy the seccomp rule; the rest is the workload's to say
    expect(names).not.toContain('seccomp-strict');
    expect([...new Set(names)].sort()).toEqual(['capabilities-strict', 'privilege-escalation', 'running-as-non-root']);
  });
});

describe('Kubernetes: every example’s pods carry Docker’s own defaults', () => {
  test.each(loadExamples().map((a) => [a.name, a] as const))('%s', (_name, app) => {
    const r = render(app.spec);
    const pods = r.objects.filter((o) => ['Deployment', 'Job', 'CronJob'].includes(String(o.kind)));
    expect(pods.length).toBeGreaterThan(0);
    for (const o of pods) {
      const pod = r.pod(String(o.metadata?.name));
      expect(pod.spec.automountServiceAccountToken).toBe(false);
      expect(pod.spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) expect(['IfNotPresent', 'Always']).toContain(c.imagePullPolicy);
    }
  });
});
