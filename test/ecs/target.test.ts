import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Image, Mount, Port, Service, System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { ECS_CODES } from '../../lib/targets/ecs/codes';
import { addSystemStacks, checkSynthesized, createEcsApp, ecsTarget } from '../../lib/targets/ecs';
import { stackNameOf } from '../../lib/targets/ecs/names';
import { renderEcs } from '../../lib/targets/ecs/target';
import { PROJECT_ROOT } from './support/ecs-kit';

const devbox = (launchType: 'fargate' | 'ec2' = 'ec2'): SystemSpec => {
  const sys = new System('devbox', { targetOptions: { ecs: { launchType } } });
  new Service(sys, 'devbox', {
    image: Image.build({ context: 'apps/devbox', tag: 'devbox/devbox:dev' }),
    ports: [Port.http(3000).publish(3000)],
    mounts: [Mount.bind('./apps/devbox/src', '/workspace/src')],
  });
  return sys.toSpec();
};

const read = (dir: string, keep: (f: string) => boolean) =>
  fs
    .readdirSync(dir)
    .filter(keep)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
const codesIn = (text: string) => new Set([...text.matchAll(/'(ecs\/[a-z0-9-]+)'/g)].map((m) => m[1]));

describe('ECS target: output', () => {
  test('GIVEN a system WHEN rendered THEN it is one cloud assembly under <app>/ with manifest.json, <Stack>.template.json and the asset manifest', () => {
    const { files, diagnostics } = renderEcs(devbox(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['devbox/manifest.json', 'devbox/Devbox.template.json', 'devbox/Devbox.assets.json']));
    expect(paths.every((p) => p.startsWith('devbox/'))).toBe(true);
    const manifest = JSON.parse(files.find((f) => f.path === 'devbox/manifest.json')!.content);
    expect(manifest.artifacts.Devbox).toMatchObject({ type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region' });
  });

  test('GIVEN an image built from a Dockerfile WHEN rendered THEN the asset points at the build context relative to the assembly, and no absolute path or temp dir is left in any file', () => {
    const { files } = renderEcs(devbox(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
    const assets = JSON.parse(files.find((f) => f.path === 'devbox/Devbox.assets.json')!.content);
    expect(Object.values(assets.dockerImages).map((i) => (i as { source: { directory: string } }).source.directory)).toEqual(['../../../apps/devbox']);
    for (const f of files) {
      expect(f.content).not.toContain(PROJECT_ROOT);
      expect(f.content).not.toContain(os.tmpdir() + path.sep);
    }
  });

  test('GIVEN a project root other than the working directory WHEN rendered through the target THEN build contexts start at the root of the context', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-root-'));
    try {
      fs.mkdirSync(path.join(root, 'tool'));
      fs.writeFileSync(path.join(root, 'tool', 'Dockerfile'), 'FROM busybox:1.36\n');
      const sys = new System('tool');
      new Service(sys, 'tool', { image: Image.build({ context: 'tool', tag: 'tool:dev' }) });
      const result = await ecsTarget.render(sys.toSpec(), { projectRoot: root, projectRootFromTargetDir: '../..' });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const assets = JSON.parse(result.files.find((f) => f.path === 'tool/Tool.assets.json')!.content);
      expect(Object.values(assets.dockerImages).map((i) => (i as { source: { directory: string } }).source.directory)).toEqual(['../../../tool']);
      for (const f of result.files) expect(f.content).not.toContain(root);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('GIVEN the same system WHEN rendered twice THEN the files are identical and the scratch directory is gone', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-scratch-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const a = renderEcs(devbox(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
      const b = renderEcs(devbox(), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
      expect(a).toEqual(b);
      expect(fs.readdirSync(scratch)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('GIVEN a bind mount on Fargate WHEN rendered through the target THEN no files come back and the error names the option', async () => {
    const result = await ecsTarget.render(devbox('fargate'), { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path])).toEqual([['ecs/bind-mount-fargate', 'devbox/devbox mounts[0]']]);
  });

  test('GIVEN one App and a system whose build context is missing WHEN both systems are added THEN the failing one leaves no stack and the other synthesizes and is measured', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-two-'));
    try {
      const app = createEcsApp({ outdir });
      const broken = new System('broken');
      new Service(broken, 'web', { image: Image.build({ context: 'no/such/dir', tag: 'web:dev' }) });
      const fine = new System('fine');
      new Service(fine, 'web', { image: Image.of('nginx:1.27') });
      const a = addSystemStacks(app, broken.toSpec(), { projectRoot: PROJECT_ROOT });
      const b = addSystemStacks(app, fine.toSpec(), { projectRoot: PROJECT_ROOT });
      expect([a.stacks, a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)]).toEqual([undefined, ['ecs/build-context-missing']]);
      expect(app.node.children.map((c) => c.node.id)).toEqual(['Fine']);
      const assembly = app.synth();
      expect(assembly.stacks.map((s) => s.stackName)).toEqual(['Fine']);
      expect([checkSynthesized(a, assembly), checkSynthesized(b, assembly)]).toEqual([[], []]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('GIVEN the target WHEN asked THEN it is named ecs, each app owns its folder, and stack names are PascalCase system names', () => {
    expect(ecsTarget.name).toBe('ecs');
    expect(ecsTarget.outputsOf('cats-and-dogs')).toEqual(['cats-and-dogs']);
    expect(stackNameOf('cats-and-dogs')).toBe('CatsAndDogs');
    expect(stackNameOf('hello')).toBe('Hello');
  });

  test('GIVEN lib/ WHEN its imports are read THEN only the lazy loaders of targets and joiners name the ECS target, so --target compose never loads aws-cdk-lib', () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== path.join(PROJECT_ROOT, 'lib/targets/ecs')) walk(p);
        } else if (p.endsWith('.ts') && /targets\/ecs['/]/.test(fs.readFileSync(p, 'utf8').replace(/targets\/ecs\/codes/g, ''))) {
          importers.push(path.relative(PROJECT_ROOT, p));
        }
      }
    };
    walk(path.join(PROJECT_ROOT, 'lib'));
    // the joiner's module loads no aws-cdk-lib either (test/ecs/parallel-stacks.test.ts)
    expect(importers).toEqual(['lib/synth/parts.ts', 'lib/synth/targets.ts']);
  });
});

describe('ECS diagnostic codes', () => {
  const lib = read(path.join(PROJECT_ROOT, 'lib/targets/ecs'), (f) => f.endsWith('.ts') && f !== 'codes.ts');
  const tests = read(__dirname, (f) => f.endsWith('.test.ts') && f !== 'target.test.ts');

  test('GIVEN the catalogue WHEN the target\'s sources are read THEN every code they emit is catalogued and every catalogued code is emitted', () => {
    expect([...codesIn(lib)].sort()).toEqual(Object.keys(ECS_CODES).sort());
  });

  test('GIVEN the catalogue WHEN the ECS tests are read THEN every code is asserted by at least one test', () => {
    const asserted = codesIn(tests);
    expect(Object.keys(ECS_CODES).filter((code) => !asserted.has(code))).toEqual([]);
  });
});

/** Runs bin/ecs.ts (the app of cdk.json) as `cdk synth` does, on apps written to a fresh folder (file name -> source). */
function runCdkApp(apps: Record<string, string>, env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string; templates: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-cdk-app-'));
  try {
    fs.mkdirSync(path.join(dir, 'apps'));
    for (const [file, source] of Object.entries(apps)) fs.writeFileSync(path.join(dir, 'apps', file), source);
    // what `cdk synth` does: run the app of cdk.json with the output folder and the context in the environment
    const app = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { app: string }).app.split(' ');
    expect(app).toEqual(['node', '-r', './bin/register.js', 'bin/ecs.ts']);
    const r = spawnSync(process.execPath, app.slice(1), {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, LADING_VERBOSE: '', LADING_QUIET: '', ...env, CDK_OUTDIR: path.join(dir, 'out'), CDK_CONTEXT_JSON: JSON.stringify({ appsDir: path.join(dir, 'apps') }) },
      timeout: 120000,
    });
    const out = path.join(dir, 'out');
    const templates = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.template.json')) : [];
    return { status: r.status, stderr: r.stderr, templates };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const MODEL = JSON.stringify(path.join(PROJECT_ROOT, 'lib', 'model'));

describe('ECS: cdk.json', () => {
  test('GIVEN a job whose env makes its stack over 1 MB WHEN bin/ecs.ts (the app of cdk.json) synthesizes it THEN it prints the ecs/stack-limits error naming the job and the value after the lint warnings, as lading synth does, and exits 1', () => {
    const r = runCdkApp({
      'big-env.ts': [
        `import { Image, Job, System } from ${MODEL};`,
        "const app = new System('big-env');",
        "new Job(app, 'hello', { image: Image.of('ubuntu:22.04'), command: ['true'], restart: 'no', env: { BIG: 'x'.repeat(1_100_000) } });",
        'export default app;',
      ].join('\n'),
    });
    expect(r.stderr.trim().split('\n')).toEqual([
      "warning lint/no-log-limit big-env/hello logging: logs have no size limit: they grow until the disk is full. Set logging: { maxSize: '10m', maxFiles: 3 }.",
      "warning lint/no-resource-limits big-env/hello resources: no memory limit (--memory) and no CPU limit (--cpus): one container can starve the others. Set resources: { memory: '256m', cpus: 0.5 } to what it needs.",
      "error [ecs] ecs/stack-limits big-env/hello env.BIG: the stack BigEnv-Services, which holds only this job, has a template of 1104418 bytes, over CloudFormation's limit of 1000000 (got 1100000 bytes in env.BIG). Move large values out of env: into a Secret (secretEnv), or into a file in the image.",
    ]);
    expect(r.status).toBe(1);
  });

  test('GIVEN secrets that alone overflow the shared stack WHEN bin/ecs.ts synthesizes the system THEN it prints the same ecs/stack-limits error as lading synth, writes no template and exits 1', () => {
    const r = runCdkApp({
      'vault.ts': [
        `import { Image, Secret, Service, System } from ${MODEL};`,
        "const app = new System('vault');",
        'const secretEnv: Record<string, Secret> = {};',
        "for (let i = 0; i < 490; i++) secretEnv['S' + i] = new Secret(app, 'secret-' + i);",
        "new Service(app, 'api', { image: Image.of('nginx:1.27'), secretEnv });",
        'export default app;',
      ].join('\n'),
    });
    expect(r.stderr.trim().split('\n')).toEqual([
      "warning lint/no-log-limit vault/api logging: logs have no size limit: they grow until the disk is full. Set logging: { maxSize: '10m', maxFiles: 3 }.",
      "warning lint/no-resource-limits vault/api resources: no memory limit (--memory) and no CPU limit (--cpus): one container can starve the others. Set resources: { memory: '256m', cpus: 0.5 } to what it needs.",
      "error [ecs] ecs/stack-limits vault (Vault): the shared infrastructure alone needs about 504 resources in the stack Vault, over CloudFormation's limit of 500, and unlike workloads it cannot move to other stacks (got 490 secrets (490), the VPC (11), the cluster and log group (2), 1 network (1)). Create fewer secrets (a Secret with existingName refers to one that exists and adds no resource), or split the system into several Systems.",
    ]);
    expect(r.status).toBe(1);
    expect(r.templates).toEqual([]);
  });

  test('GIVEN an app with a warning and notes WHEN bin/ecs.ts runs plain, with LADING_QUIET=1 and with LADING_VERBOSE=1 THEN it prints errors and warnings, nothing, and every note too', () => {
    const apps = {
      'pinger.ts': [
        `import { Image, Port, Service, System } from ${MODEL};`,
        "const app = new System('pinger');",
        "new Service(app, 'ping', { image: Image.of('ping:1.0'), ports: [Port.tcp(80), Port.udp(53)], resources: { memory: '64m', cpus: 0.25 }, logging: { maxSize: '1m', maxFiles: 1 } });",
        'export default app;',
      ].join('\n'),
    };
    const lines = (env: NodeJS.ProcessEnv) => {
      const r = runCdkApp(apps, env);
      expect(r.status).toBe(0);
      return r.stderr.trim().split('\n').filter((l) => l !== '').map((l) => l.split(':')[0]);
    };
    expect(lines({})).toEqual(['warning [ecs] ecs/udp-by-name pinger/ping ports[1]']);
    expect(lines({ LADING_QUIET: '1' })).toEqual([]);
    expect(lines({ LADING_VERBOSE: '1' })).toEqual([
      'info lint/capabilities-not-dropped pinger/ping security.capabilities.drop',
      'info lint/writable-root-filesystem pinger/ping security.readOnlyRootFilesystem',
      'info lint/runs-as-root pinger/ping security.user',
      'info [ecs] ecs/log-limits pinger/ping logging',
      'warning [ecs] ecs/udp-by-name pinger/ping ports[1]',
      'info [ecs] ecs/fargate-task-size pinger/ping resources',
    ]);
  });

  test('GIVEN cdk.json WHEN `cdk synth -c apps=hello` runs THEN bin/ecs.ts synthesizes the Hello stack into the output folder', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-cdk-synth-'));
    try {
      const r = spawnSync(path.join(PROJECT_ROOT, 'node_modules/.bin/cdk'), ['synth', '-c', 'apps=hello', '-o', out, '--quiet'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
        timeout: 120000,
      });
      expect(`${r.status} ${r.stderr.split('\n').filter((l) => /error/i.test(l)).join('\n')}`).toBe('0 ');
      const template = JSON.parse(fs.readFileSync(path.join(out, 'Hello.template.json'), 'utf8'));
      expect(Object.values(template.Resources).some((r) => (r as { Type: string }).Type === 'AWS::ECS::TaskDefinition')).toBe(true);
      expect(fs.readdirSync(out).filter((f) => f.endsWith('.template.json'))).toEqual(['Hello.template.json']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
