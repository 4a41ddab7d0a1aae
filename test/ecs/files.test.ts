import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigFile, Image, Mount, Service, System } from '../../lib/model';
import { renderEcs } from '../../lib/targets/ecs/target';
import { expectedFiles, filesApp } from '../support/files-app';
import { codes, find, PROJECT_ROOT, synthEcs } from './support/ecs-kit';
import { cfnLint, findingLines } from './support/cfn-lint';

const CONTEXT = { projectRoot: PROJECT_ROOT, projectRootFromTargetDir: '../..' };

/** The rendered template of an app, as JSON. */
function templateJson(system: System): any {
  const result = renderEcs(system.toSpec(), CONTEXT);
  const file = result.files.find((f) => f.path.endsWith('.template.json'));
  if (!file) throw new Error(result.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return JSON.parse(file.content);
}

function containerDefinitions(template: any, family: string): any[] {
  const td = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::ECS::TaskDefinition' && r.Properties.Family === family) as any;
  return td.Properties.ContainerDefinitions;
}

/**
 * Runs the files container's script as the template carries it, with each staging folder replaced by a local
 * one and its environment from the template (secrets given as `secretValues`), and returns what the main
 * container would see at each path: the bytes and mode found through its read-only mounts.
 */
function filesSeen(template: any, family: string, container: string, secretValues: Record<string, string>): Map<string, { bytes: Buffer; mode: number }> {
  const defs = containerDefinitions(template, family);
  const main = defs.find((c) => c.Name === container);
  const files = defs.find((c) => c.Name === `${container}-files`);
  expect(files.Essential).toBe(false);
  expect(main.DependsOn).toEqual([{ ContainerName: `${container}-files`, Condition: 'SUCCESS' }]);
  expect(files.EntryPoint).toEqual(['sh', '-c']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-ecs-files-'));
  try {
    let script: string = files.Command[0];
    const staging = new Map<string, string>();
    for (const m of files.MountPoints) {
      const local = path.join(dir, m.SourceVolume);
      fs.mkdirSync(local);
      staging.set(m.SourceVolume, local);
      script = script.split(`'${m.ContainerPath}/`).join(`'${local}/`);
    }
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    for (const e of files.Environment ?? []) env[e.Name] = e.Value;
    for (const s of files.Secrets ?? []) env[s.Name] = secretValues[s.Name];
    const run = spawnSync('sh', ['-c', script], { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = new Map<string, { bytes: Buffer; mode: number }>();
    for (const m of main.MountPoints.filter((p: any) => staging.has(p.SourceVolume))) {
      expect(m.ReadOnly).toBe(true);
      const walk = (local: string, inContainer: string) => {
        for (const name of fs.readdirSync(local)) {
          const l = path.join(local, name);
          if (fs.statSync(l).isDirectory()) walk(l, `${inContainer}/${name}`);
          else seen.set(`${inContainer}/${name}`, { bytes: fs.readFileSync(l), mode: fs.statSync(l).mode & 0o777 });
        }
      };
      walk(staging.get(m.SourceVolume)!, m.ContainerPath);
    }
    return seen;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ECS config files and secret files', () => {
  test('GIVEN a config file, a folder, a binary file and a secret file WHEN the files container the template carries runs THEN the main container sees the project bytes at the model paths', () => {
    const template = templateJson(filesApp());
    const seen = filesSeen(template, 'files-web', 'web', { LADING_SECRET_0: 's3cret' });
    const expected = expectedFiles();
    expected.set('/run/secrets/db-password', { bytes: Buffer.from('s3cret'), mode: 0o444 });
    expect(new Map([...seen].map(([k, v]) => [k, { bytes: v.bytes.toString('base64'), mode: v.mode }]))).toEqual(
      new Map([...expected].map(([k, v]) => [k, { bytes: v.bytes.toString('base64'), mode: v.mode }])),
    );
  });

  test('GIVEN the files app WHEN rendered THEN the secret comes from Secrets Manager, never a value, and each folder is reported', () => {
    const { diagnostics } = synthEcs(filesApp().toSpec());
    const template = templateJson(filesApp());
    const files = containerDefinitions(template, 'files-web').find((c) => c.Name === 'web-files');
    expect(files.Secrets).toEqual([{ Name: 'LADING_SECRET_0', ValueFrom: expect.anything() }]);
    expect(files.User).toBe('0');
    expect(find(diagnostics, 'ecs/config-file-folder').message).toBe(
      "ECS mounts folders, not files: /etc/nginx becomes a read-only volume holding the image's own files of that folder and the files written there.",
    );
    expect(codes(diagnostics).filter((c) => c === 'ecs/config-file-folder')).toHaveLength(4);
  });

  test('GIVEN config files over 32 KiB in one task WHEN rendered THEN ecs/config-file-size at the mount that crosses the limit, with the fix', () => {
    const sys = new System('big');
    const a = new ConfigFile(sys, 'a', { content: 'a'.repeat(20000) });
    const b = new ConfigFile(sys, 'b', { content: 'b'.repeat(20000) });
    new Service(sys, 'app', { image: Image.of('busybox:1.36'), mounts: [Mount.config(a, '/etc/a.txt'), Mount.config(b, '/etc/b.txt')] });
    const { template, diagnostics } = synthEcs(sys.toSpec());
    expect(template).toBeUndefined();
    const d = find(diagnostics, 'ecs/config-file-size');
    expect(d.path).toBe('big/app mounts[1]');
    expect(d.message).toBe('the files of a task travel in its task definition, which holds at most 32768 bytes of them (got 40000 with b)');
    expect(d.fix).toBe('Ship the file in the image, or keep it on a volume (EFS).');
  });

  test('GIVEN a file directly under / WHEN rendered THEN ecs/config-file-root', () => {
    const sys = new System('root');
    const a = new ConfigFile(sys, 'a', { content: 'x' });
    new Service(sys, 'app', { image: Image.of('busybox:1.36'), mounts: [Mount.config(a, '/a.conf')] });
    const d = find(synthEcs(sys.toSpec()).diagnostics, 'ecs/config-file-root');
    expect([d.path, d.message, d.fix]).toEqual(['root/app mounts[0]', 'ECS mounts folders, not files, and cannot mount a volume on / (got /a.conf).', 'Mount the file in a folder, e.g. /etc/app/app.conf.']);
  });

  test('GIVEN the files app template WHEN cfn-lint checks it THEN no error and no warning', () => {
    expect(findingLines(cfnLint([{ path: 'files.template.json', content: JSON.stringify(templateJson(filesApp())) }]).findings)).toEqual([]);
  });
});
