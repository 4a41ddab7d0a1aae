import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { ContainerSpec, SidecarSpec, SystemSpec, WorkloadSpec } from '../../lib/model/spec';
import { loadExamples } from '../support/examples';
import { familyOf, stackNameOf } from '../../lib/targets/ecs/names';
import { publishedPorts } from '../../lib/targets/ecs/ports';
import { smallestFargateSize, toMiB, workloadNeed } from '../../lib/targets/ecs/task-size';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';
import { adaptAssemblyForMoto } from './support/moto-adapt';
import { freePort, requireTool } from './support/tools';

/**
 * End to end: the real `cdk bootstrap` and `cdk deploy` CLI against moto_server on 127.0.0.1, then the ECS and
 * ELBv2 APIs read back what the model says. Where moto cannot take something, the test prints what it changed
 * and why (see support/moto-adapt.ts); `cdk deploy` may report success while resources are missing, so only
 * the read-back counts.
 */

/** Examples moto cannot take at all, and why. */
const NOT_DEPLOYED: Record<string, string> = {
  devbox: 'its image is built from a Dockerfile, which cdk deploy builds and pushes with a Docker engine; this machine has none',
};

const CDK = path.join(PROJECT_ROOT, 'node_modules/.bin/cdk');
const apps = loadExamples();
const deployable = apps.filter((a) => !NOT_DEPLOYED[a.name]);

let moto: ChildProcess | undefined;
let endpoint = '';
let work = '';
let env: NodeJS.ProcessEnv = {};

function run(command: string, args: string[], timeoutMs: number): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
}

async function waitForMoto(port: number): Promise<void> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/moto-api/', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (up) return;
    if (moto?.exitCode !== null && moto?.exitCode !== undefined) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on 127.0.0.1:${port}; its log:\n${fs.readFileSync(path.join(work, 'moto.log'), 'utf8').slice(-2000)}`);
}

beforeAll(async () => {
  requireTool('moto_server', ['--help'], 'Install it with `pip install "moto[server]==5.2.1"`.');
  requireTool('python3', ['-c', 'import boto3'], 'boto3 comes with moto: `pip install "moto[server]==5.2.1"`.');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-moto-'));
  const port = await freePort();
  const log = fs.openSync(path.join(work, 'moto.log'), 'w');
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  endpoint = `http://localhost:${port}`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^AWS_/.test(k) && k !== 'CDK_OUTDIR' && k !== 'CDK_CONTEXT_JSON'));
  env = {
    ...clean,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DISABLE_VERSION_CHECK: '1',
    CI: 'true',
  };
  await waitForMoto(port);
  const boot = run(CDK, ['bootstrap', 'aws://123456789012/us-east-1', '--ci'], 120000);
  if (boot.status !== 0) throw new Error(`cdk bootstrap failed against moto:\n${boot.output.slice(-3000)}`);
}, 180000);

afterAll(async () => {
  if (moto && moto.exitCode === null) {
    const exited = new Promise((r) => moto!.once('exit', r));
    moto.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (moto.exitCode === null && moto.signalCode === null) moto.kill('SIGKILL');
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface ReadBack {
  stackStatus: string;
  taskDefinitions: Record<string, Record<string, any> | null>;
  services: Record<string, any>[];
  listeners: { Port: number; Protocol: string; DefaultActions: { TargetGroupArn?: string }[] }[];
  targetGroups: { TargetGroupArn: string; Port: number; Protocol: string; HealthCheckPath?: string }[];
}

function expectedTaskMemory(spec: SystemSpec, w: WorkloadSpec): string {
  const need = workloadNeed(w);
  if (need.cpu === 0 && need.memory === 0) return '512';
  return String(smallestFargateSize(need)!.memory);
}

/** What the ECS API should say about one container, in the API's own shape. */
function expectedContainer(c: ContainerSpec, main: ContainerSpec, sidecar?: SidecarSpec): Record<string, unknown> {
  const own = sidecar?.volumesFrom ? c.mounts.slice(main.mounts.length) : c.mounts;
  return {
    name: c.name,
    image: c.image.ref,
    essential: sidecar === undefined,
    portMappings: c.ports.map((p) => ({ containerPort: p.containerPort, protocol: p.protocol })),
    cpu: c.resources.cpuShares ?? 0,
    memory: c.resources.memoryBytes !== undefined ? toMiB(c.resources.memoryBytes) : undefined,
    memoryReservation: c.resources.memoryReservationBytes !== undefined ? toMiB(c.resources.memoryReservationBytes) : undefined,
    environment: Object.entries(c.env).map(([name, value]) => ({ name, value })),
    secrets: c.secretEnv.map((s) => s.name),
    mountPoints: own.map((m) => ({ containerPath: m.target, readOnly: m.readOnly })),
    volumesFrom: sidecar?.volumesFrom ? [{ sourceContainer: main.name, readOnly: false }] : [],
    command: c.command ? [...c.command] : undefined,
    healthCheck:
      c.health?.kind === 'command'
        ? { command: c.health.shell ? ['CMD-SHELL', c.health.command[0]] : ['CMD', ...c.health.command], interval: c.health.intervalSeconds, timeout: c.health.timeoutSeconds, retries: c.health.retries, startPeriod: c.health.startPeriodSeconds }
        : undefined,
  };
}

function actualContainer(c: Record<string, any>): Record<string, unknown> {
  return {
    name: c.name,
    image: c.image,
    essential: c.essential,
    portMappings: (c.portMappings ?? []).map((p: { containerPort: number; protocol: string }) => ({ containerPort: p.containerPort, protocol: p.protocol })),
    cpu: c.cpu,
    memory: c.memory,
    memoryReservation: c.memoryReservation,
    environment: c.environment ?? [],
    secrets: (c.secrets ?? []).map((s: { name: string }) => s.name),
    mountPoints: (c.mountPoints ?? []).map((m: { containerPath: string; readOnly: boolean }) => ({ containerPath: m.containerPath, readOnly: m.readOnly })),
    volumesFrom: c.volumesFrom ?? [],
    command: c.command,
    healthCheck: c.healthCheck,
  };
}

describe('ECS on moto: cdk deploy, then read back', () => {
  test('GIVEN the examples WHEN some cannot be deployed on moto THEN each is named with the reason, and at least two remain, one with a published port', () => {
    for (const [name, reason] of Object.entries(NOT_DEPLOYED)) console.log(`not deployed on moto: ${name}: ${reason}`);
    expect(apps.filter((a) => NOT_DEPLOYED[a.name]).map((a) => a.name)).toEqual(Object.keys(NOT_DEPLOYED));
    expect(deployable.length).toBeGreaterThanOrEqual(2);
    expect(deployable.some((a) => publishedPorts(a.spec).some((p) => p.kind === 'alb'))).toBe(true);
  });

  test.each(deployable.map((a) => [a.name, a] as const))(
    'GIVEN the %s example WHEN cdk deploy creates it in moto THEN the ECS API reads back the containers, ports, CPU and memory, env, mounts and health checks of the model',
    (_name, { name, spec }) => {
      const result = renderEcs(spec, { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const dir = path.join(work, 'dist', name);
      for (const f of result.files) {
        const p = path.join(work, 'dist', f.path);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, f.content);
      }
      const changes = adaptAssemblyForMoto(dir);
      if (changes.length > 0) console.log(`${name}: changed for moto 5.2.1:\n${changes.map((c) => `  ${c.change}: ${c.reason}`).join('\n')}`);

      const deploy = run(CDK, ['deploy', '--app', dir, '--require-approval', 'never', '--ci', '--progress', 'events'], 150000);
      expect({ status: deploy.status, output: deploy.status === 0 ? '' : deploy.output.slice(-3000) }).toEqual({ status: 0, output: '' });

      const stack = stackNameOf(name);
      const workloads = [...spec.services, ...spec.jobs];
      const read = spawnSync('python3', [path.join(__dirname, 'support/moto-read.py'), endpoint, stack, ...workloads.map((w) => familyOf(spec.name, w.name))], { encoding: 'utf8', env, timeout: 60000 });
      expect(read.stderr).toBe('');
      const back = JSON.parse(read.stdout) as ReadBack;
      expect(back.stackStatus).toBe('CREATE_COMPLETE');

      for (const w of workloads) {
        const family = familyOf(spec.name, w.name);
        const td = back.taskDefinitions[family];
        expect({ family, found: td !== null }).toEqual({ family, found: true });
        expect({ family, memory: td!.memory }).toEqual({ family, memory: expectedTaskMemory(spec, w) });
        const expected = [expectedContainer(w.main, w.main), ...w.sidecars.map((s) => expectedContainer(s, w.main, s))];
        expect(td!.containerDefinitions.map(actualContainer)).toEqual(expected);
        const volumes = (td!.volumes as { name: string }[]).map((v) => v.name).sort();
        const mounted = [...w.main.mounts, ...w.sidecars.flatMap((s) => s.mounts)].filter((m) => m.kind === 'volume').map((m) => `volume-${(m as { volume: string }).volume}`);
        for (const v of mounted) expect(volumes).toContain(v);
      }
      for (const s of spec.services) {
        const svc = back.services.find((x) => x.serviceName === s.name);
        expect({ service: s.name, found: svc !== undefined }).toEqual({ service: s.name, found: true });
        expect({ service: s.name, desiredCount: svc!.desiredCount, family: String(svc!.taskDefinition).includes(`task-definition/${familyOf(spec.name, s.name)}:`) }).toEqual({ service: s.name, desiredCount: s.replicas, family: true });
      }
      for (const p of publishedPorts(spec)) {
        if (p.kind === 'nlb') {
          console.log(`${name}: ${p.service.name} ${p.port.name} -> listener ${p.listenerPort} not read back: moto's CloudFormation cannot create network load balancer listeners`);
          continue;
        }
        const listener = back.listeners.find((l) => l.Port === p.listenerPort);
        expect({ listener: p.listenerPort, found: listener !== undefined }).toEqual({ listener: p.listenerPort, found: true });
        const tg = back.targetGroups.find((t) => t.TargetGroupArn === listener!.DefaultActions[0].TargetGroupArn);
        expect({ listener: p.listenerPort, targetPort: tg?.Port, protocol: tg?.Protocol }).toEqual({ listener: p.listenerPort, targetPort: p.port.containerPort, protocol: 'HTTP' });
      }
    },
    180000,
  );
});
