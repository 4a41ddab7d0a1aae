import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckReport } from '../../lib/check';
import { EXAMPLE_APPS } from '../support/examples';
import { LADING, MODEL, projectWithApps, ROOT, runLading } from '../support/run-cli';

const app = (name: string, body: string) => `
import { Image, Mount, Port, Service, System } from ${MODEL};
const app = new System('${name}');
const base = { resources: { memory: '64m', cpus: 0.25 }, logging: { maxSize: '1m', maxFiles: 1 } };
${body}
export default app;
`;

const GOOD = app('good', `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), ports: [Port.tcp(80).publish(8080)] });`);
const FARGATE_BIND = app('bound', `new Service(app, 'web', { ...base, image: Image.of('nginx:1.27'), mounts: [Mount.bind('/srv/site', '/site')] });`);
const UNPINNED = app('loose', `new Service(app, 'web', { ...base, image: Image.of('nginx') });`);
const BOOM = `import { System } from ${MODEL};\nconst app = new System('boom');\nthrow new Error('no config for boom');\nexport default app;\n`;

describe('lading check (the CLI, as a process)', () => {
  test('GIVEN the examples WHEN checked THEN a readable report per app, no colour in a pipe, nothing written, exit 0', () => {
    const r = runLading(['check', '--app', ...EXAMPLE_APPS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const name of EXAMPLE_APPS) {
      expect(r.stdout).toMatch(new RegExp(`^${name}  apps/${name}\\.ts  \\d+ error`, 'm'));
    }
    expect(r.stdout).toMatch(/^ {2}workload +concept +compose +kubernetes +ecs +docker +swarm$/m);
    expect(r.stdout).toMatch(/^ {2}web +resources +exact +exact +approx \d+ +exact +approx \d+$/m);
    expect(r.stdout).toMatch(/7 app\(s\) on compose, kubernetes, ecs, docker, swarm: 0 error\(s\), \d+ warning\(s\), \d+ info, \d+ turned off: ok\n$/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).not.toContain('undefined');
    const wide = r.stdout.split('\n').filter((l) => l.length > 100 && / \S+ /.test(l.slice(100)));
    expect(wide).toEqual([]);
  });

  test('GIVEN the examples WHEN --format json THEN it parses into the documented shape', () => {
    const r = runLading(['check', '--format', 'json', '--app', 'webapp', '--target', 'compose', 'ecs']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(Object.keys(report)).toEqual(['version', 'ok', 'strict', 'targets', 'apps', 'counts']);
    expect([report.version, report.ok, report.targets, report.apps.map((a) => a.name)]).toEqual([1, true, ['compose', 'ecs'], ['webapp']]);
    const api = report.apps[0].workloads.find((w) => w.name === 'api')!;
    expect(Object.keys(report.apps[0])).toEqual(['name', 'file', 'workloads', 'lint', 'suppressed', 'counts']);
    const health = api.concepts.find((c) => c.concept === 'health')!;
    expect(health.label).toBe('health check');
    expect(health.targets.compose?.status).toBe('approx');
    expect(health.targets.compose?.diagnostics[0].code).toBe('compose/health-probe-tool');
  });

  test('GIVEN a bind mount on Fargate WHEN checked THEN exit 1; without ECS, exit 0; nothing is written', () => {
    const dir = projectWithApps({ 'bound.ts': FARGATE_BIND });
    const r = runLading(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}web +mounts +exact +approx 1 +ERROR 2 +exact +approx 3$/m);
    expect(r.stdout).toContain('[2] error ecs/bind-mount-fargate bound/web mounts[0]: bind mounts need the EC2 launch type:');
    expect(r.stdout).toMatch(/: failed\n$/);
    expect(runLading(['check', '--target', 'compose', 'kubernetes'], dir).code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['apps']);
  });

  test('GIVEN a warning only WHEN checked THEN exit 0, and with --strict exit 1', () => {
    const dir = projectWithApps({ 'loose.ts': UNPINNED });
    const plain = runLading(['check', '--target', 'compose'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warning lint/unpinned-image loose/web image: "nginx" has no tag, so it means latest');
    const strict = runLading(['check', '--target', 'compose', '--strict', '--format', 'json'], dir);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ ok: false, strict: true, counts: { error: 0, warning: 1 } });
  });

  test('GIVEN an app that throws WHEN checked THEN one line with file and line, exit 1; with --app for another app, that one is checked', () => {
    const dir = projectWithApps({ 'boom.ts': BOOM, 'good.ts': GOOD });
    const all = runLading(['check', '--target', 'compose'], dir);
    expect(all.code).toBe(1);
    expect(all.stderr).toBe('error apps/boom.ts:3: no config for boom\n');
    expect(all.stdout).toBe('');
    const named = runLading(['check', '--target', 'compose', '--app', 'good'], dir);
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/^good {2}apps\/good\.ts/);
    // asking for the broken app by name reports it
    const broken = runLading(['check', '--target', 'compose', '--app', 'boom'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n')[0]).toBe('error apps/boom.ts:3: no config for boom');
  });

  test('GIVEN a terminal WHEN checked THEN colour, unless NO_COLOR is set', () => {
    // `script` gives the command a pseudo-terminal (util-linux)
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.error) throw new Error(`script (util-linux) is needed to run lading on a terminal: ${probe.error.message}. Install it with apt-get install -y bsdutils.`);
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(LADING)} check --app hello --target compose`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }).stdout;
    const { NO_COLOR: _unused, ...rest } = process.env;
    expect(run({ ...rest, NO_COLOR: '' })).toContain('\u001b[1mhello\u001b[0m');
    expect(run({ NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
    expect(path.isAbsolute(LADING)).toBe(true);
  });
});
