import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { writeApp } from '../../lib/import/typescript';
import { parseManifest, validateManifest } from '../support/kubernetes-validators';
import { codesOf, fidelityOf, outputText, workloadOf, type FidelityResult } from './support/fidelity';
import { importProject } from './support/import-project';


const oneBind = (bind: string) => `services:\n  app:\n    image: example/app:1.0\n    restart: always\n    volumes: ["${bind}"]\n`;
const mountsOf = (imported: ReturnType<typeof importProject>) => imported.plan.workloads[0].container.mounts;
const infosOf = (imported: ReturnType<typeof importProject>) => imported.diagnostics.filter((d) => d.code === 'import/data-folder').map((d) => d.message);

describe('importing binds of data folders as volumes with a host path', () => {
  test('GIVEN a writable bind of a folder absent from the project WHEN imported THEN a volume with hostPath, named after the folder, written in the TypeScript', () => {
    const imported = importProject(oneBind('./data/mysql:/var/lib/mysql'));
    expect(mountsOf(imported)).toEqual([{ kind: 'volume', volume: 'mysql', target: '/var/lib/mysql', readOnly: false }]);
    expect(imported.plan.volumes).toEqual([{ id: 'mysql', hostPath: './data/mysql' }]);
    expect(infosOf(imported)).toEqual([
      './data/mysql is absent from the project (Docker creates it at the first start), and /var/lib/mysql is written to: it is imported as volume mysql with hostPath ./data/mysql. Compose and docker bind the folder as the file does; Kubernetes, ECS and Swarm keep the data in a volume of their own.',
    ]);
    expect(imported.diagnostics.find((d) => d.code === 'import/data-folder')?.severity).toBe('info');
    expect(writeApp(imported.plan)).toContain("new Volume(app, 'mysql', { hostPath: './data/mysql' })");
    expect(imported.plan.ecsLaunchType).toBeUndefined();
  });

  test.each<[string, Record<string, string>, string]>([
    ['an empty folder', { 'data/mysql/': '' }, 'an empty folder'],
    ['a folder holding only .gitkeep', { 'data/mysql/.gitkeep': '' }, 'a folder that holds only .gitkeep'],
  ])('GIVEN %s WHEN imported THEN a volume with hostPath, and the info says why', (_given, files, why) => {
    const imported = importProject(oneBind('./data/mysql:/var/lib/mysql'), files);
    expect(imported.plan.volumes).toEqual([{ id: 'mysql', hostPath: './data/mysql' }]);
    expect(infosOf(imported)[0]).toMatch(new RegExp(`^\\./data/mysql is ${why.replace('.', '\\.')}, and /var/lib/mysql is written to`));
  });

  test.each<[string, string, Record<string, string>]>([
    ['a folder with content (code or seed data)', './data/mysql:/var/lib/mysql', { 'data/mysql/seed.sql': 'create table t (i int);' }],
    ['a read-only bind', './data/mysql:/var/lib/mysql:ro', {}],
    ['an absent path that names a file', './logstash/nginx.log:/home/nginx.log', {}],
    ['a Docker socket', './docker-run:/var/run/docker.sock', {}],
    ['a device', './dev-fuse:/dev/fuse', {}],
    ['an absolute folder', '/srv/mysql:/var/lib/mysql', {}],
    ['a bound file', './conf/app.ini:/etc/app.ini', { 'conf/app.ini': 'x=1' }],
  ])('GIVEN %s WHEN imported THEN it is no data-folder volume', (_given, bind, files) => {
    const imported = importProject(oneBind(bind), files);
    expect(imported.plan.volumes).toEqual([]);
    expect(infosOf(imported)).toEqual([]);
    expect(mountsOf(imported)[0].kind).not.toBe('volume');
  });

  test('GIVEN a bind with content WHEN rendered THEN the bind and its warnings stay', () => {
    const imported = importProject(oneBind('./data/mysql:/var/lib/mysql'), { 'data/mysql/seed.sql': 'x' });
    expect(mountsOf(imported)).toEqual([{ kind: 'bind', source: './data/mysql', target: '/var/lib/mysql', readOnly: false }]);
    expect(imported.plan.ecsLaunchType).toBe('ec2');
  });

  test('GIVEN an absent folder that the service\'s own build COPYs WHEN imported THEN it is code the image carries: a bind marked inImage, not a data volume', () => {
    const compose = 'services:\n  web:\n    build: ./frontend\n    restart: always\n    volumes:\n      - ./frontend/src:/code/src\n';
    const imported = importProject(compose, { 'frontend/Dockerfile': 'FROM node:20\nWORKDIR /code\nCOPY . .\nCMD ["npm", "start"]\n' });
    expect(mountsOf(imported)).toEqual([{ kind: 'bind', source: './frontend/src', target: '/code/src', readOnly: false, inImage: true }]);
    expect(imported.diagnostics.map((d) => d.code)).not.toContain('import/data-folder');
  });

  test('GIVEN two services that bind the same absent folder, and a service named like it WHEN imported THEN one shared volume with a unique, DNS-safe name', () => {
    const compose = [
      'services:',
      '  uploads:',
      '    image: example/web:1.0',
      '    restart: always',
      '    volumes: ["./Shared_Uploads/:/srv/uploads"]',
      '  worker:',
      '    image: example/worker:1.0',
      '    restart: always',
      '    volumes:',
      '      - type: bind',
      '        source: ./Shared_Uploads',
      '        target: /work/in',
      '',
    ].join('\n');
    const imported = importProject(compose);
    expect(imported.plan.volumes).toEqual([{ id: 'shared-uploads', hostPath: './Shared_Uploads' }]);
    const spec = imported.system!.toSpec();
    expect(spec.volumes[0]).toMatchObject({ name: 'shared-uploads', hostPath: './Shared_Uploads', users: ['uploads', 'worker'] });
    expect(infosOf(imported)).toHaveLength(2);
    const named = importProject(oneBind('./app:/data'));
    expect(named.plan.volumes).toEqual([{ id: 'app-data', hostPath: './app' }]);
  });
});

describe('a data folder that another service binds read-only', () => {
  const compose = [
    'services:',
    '  backup:',
    '    image: example/backup:1.0',
    '    restart: always',
    '    volumes: ["./data/db:/backup/db:ro"]',
    '  db:',
    '    image: postgres:16',
    '    restart: always',
    '    volumes:',
    '      - type: bind',
    '        source: ./data/db/',
    '        target: /var/lib/postgresql/data',
    '',
  ].join('\n');
  let r: FidelityResult;
  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-data-folders-'));
    try {
      fs.mkdirSync(path.join(root, 'shop'));
      fs.writeFileSync(path.join(root, 'shop', 'compose.yaml'), compose);
      r = await fidelityOf('shop', root);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  test('GIVEN backup binds ./data/db read-only before db binds it writable WHEN imported THEN backup mounts volume db read-only, with an info that says so', () => {
    expect(r.imported.plan.volumes).toEqual([{ id: 'db-data', hostPath: './data/db' }]);
    expect(r.imported.plan.workloads.map((w) => [w.id, w.container.mounts])).toEqual([
      ['backup', [{ kind: 'volume', volume: 'db-data', target: '/backup/db', readOnly: true }]],
      ['db', [{ kind: 'volume', volume: 'db-data', target: '/var/lib/postgresql/data', readOnly: false }]],
    ]);
    expect(r.imported.diagnostics.filter((d) => d.code === 'import/data-folder').map((d) => [d.keyPath, d.message])).toEqual([
      ['services.backup.volumes[0]', './data/db is the folder of volume db-data, which another bind writes to: /backup/db mounts volume db-data read-only, so it sees the same data on every target.'],
      [
        'services.db.volumes[0]',
        './data/db is absent from the project (Docker creates it at the first start), and /var/lib/postgresql/data is written to: it is imported as volume db-data with hostPath ./data/db. Compose and docker bind the folder as the file does; Kubernetes, ECS and Swarm keep the data in a volume of their own.',
      ],
    ]);
    expect(r.imported.plan.ecsLaunchType).toBeUndefined();
    expect(r.spec!.volumes[0]).toMatchObject({ name: 'db-data', users: ['backup', 'db'] });
    expect(writeApp(r.imported.plan)).toContain("mounts: [Mount.volume(dbData, '/backup/db', { readOnly: true })],");
  });

  test('GIVEN the same file WHEN rendered THEN Compose binds the folder read-only as the file does, and Kubernetes, ECS and Swarm mount the one volume read-only in backup', () => {
    expect(r.errors).toEqual([]);
    expect(parse(outputText(r, 'compose')).services.backup.volumes).toEqual(['../../../data/db:/backup/db:ro']);
    expect(parse(outputText(r, 'swarm')).services.backup.volumes).toEqual([{ type: 'volume', source: 'db-data', target: '/backup/db', read_only: true }]);
    const manifest = outputText(r, 'kubernetes');
    expect(validateManifest(manifest)).toEqual([]);
    const backup = parseManifest(manifest).find((o) => o.kind === 'Deployment' && o.metadata?.name === 'backup') as any;
    const mount = backup.spec.template.spec.containers[0].volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/backup/db');
    const claim = backup.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount.name).persistentVolumeClaim;
    expect([mount.readOnly, claim.claimName]).toEqual([true, 'db-data']);
    const template = JSON.parse(outputText(r, 'ecs'));
    const backupTask = Object.values(template.Resources as Record<string, any>).find((x) => x.Type === 'AWS::ECS::TaskDefinition' && x.Properties.Family === 'shop-backup');
    expect(backupTask.Properties.ContainerDefinitions[0].MountPoints).toEqual([expect.objectContaining({ ContainerPath: '/backup/db', ReadOnly: true })]);
    expect(r.losses.filter((l) => l.owner === 'project-binds')).toEqual([]);
  });
});

describe('data folders of the real-world corpus', () => {
  const results = new Map<string, FidelityResult>();
  const result = (name: string) => results.get(name)!;
  beforeAll(async () => {
    for (const name of ['docker-mailserver', 'docker-wordpress', 'temporal', 'wasmedge-kafka-mysql']) results.set(name, await fidelityOf(name));
  });

  test('docker-mailserver: the four absent ./docker-data/dms folders are volumes with hostPath; Compose binds them as the file does; no project-bind loss is left', () => {
    const r = result('docker-mailserver');
    expect(r.spec!.volumes.map((v) => [v.name, v.hostPath])).toEqual([
      ['config', './docker-data/dms/config'],
      ['mail-data', './docker-data/dms/mail-data'],
      ['mail-logs', './docker-data/dms/mail-logs'],
      ['mail-state', './docker-data/dms/mail-state'],
    ]);
    expect(parse(outputText(r, 'compose')).services.mailserver.volumes).toEqual([
      '../../../docker-data/dms/mail-data:/var/mail',
      '../../../docker-data/dms/mail-state:/var/mail-state',
      '../../../docker-data/dms/mail-logs:/var/log/mail',
      '../../../docker-data/dms/config:/tmp/docker-mailserver',
      '/etc/localtime:/etc/localtime:ro',
    ]);
    expect(r.losses.filter((l) => l.owner === 'project-binds')).toEqual([]);
    expect(codesOf(r).filter((c) => c.includes('/project-folder-')).sort()).toEqual([
      ...Array(4).fill('ecs/project-folder-efs'),
      ...Array(4).fill('kubernetes/project-folder-claim'),
      ...Array(4).fill('swarm/project-folder-volume'),
    ]);
    const manifest = outputText(r, 'kubernetes');
    expect(validateManifest(manifest)).toEqual([]);
    const claims = parseManifest(manifest).filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata?.name);
    expect(claims).toEqual(['config', 'mail-data', 'mail-logs', 'mail-state']);
  });

  test('docker-wordpress: ../data/db, ../data/site and ../data/wp-content (from .env) are volumes with hostPath; the bound php.ini stays a config file', () => {
    const r = result('docker-wordpress');
    expect(r.spec!.volumes.map((v) => [v.name, v.hostPath])).toEqual([
      ['db-data', '../data/db'],
      ['site', '../data/site'],
      ['wp-content', '../data/wp-content'],
    ]);
    expect(workloadOf(r, 'wordpress').main.files.map((f) => f.target)).toEqual(['/usr/local/etc/php/conf.d/php.ini']);
    expect(r.losses.filter((l) => l.owner === 'project-binds')).toEqual([]);
    expect(JSON.stringify(parse(outputText(r, 'swarm')).volumes)).toBe('{"db-data":{},"site":{},"wp-content":{}}');
  });

  test.each([
    ['temporal', 'temporal', './dynamicconfig'],
    ['wasmedge-kafka-mysql', 'redpanda', './kafka'],
  ])('%s: %s binds %s, which holds files: not a data folder, a config file of those files', (name, service, source) => {
    const r = result(name);
    expect(workloadOf(r, service).main.files.map((f) => f.source)).toEqual([source.slice(2)]);
    expect(r.spec!.volumes.filter((v) => v.hostPath !== undefined)).toEqual([]);
    expect(r.losses.filter((l) => l.owner === 'project-binds')).toEqual([]);
  });
});
