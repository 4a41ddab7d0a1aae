import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { writeApp } from '../../lib/import/typescript';
import { parseManifest } from '../support/kubernetes-validators';
import { fidelityOf, outputText, type FidelityResult } from './support/fidelity';
import { importText } from './support/import-kit';

/** Imports `compose` from a fresh project folder named shop and renders it on every target. */
async function renderProject(compose: string): Promise<FidelityResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-import-volume-names-'));
  try {
    fs.mkdirSync(path.join(root, 'shop'));
    fs.writeFileSync(path.join(root, 'shop', 'compose.yaml'), compose);
    return await fidelityOf('shop', root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const withVolume = (...volume: string[]) =>
  ['services:', '  db:', '    image: postgres:16', '    restart: always', '    volumes: ["pg_data:/var/lib/postgresql/data"]', 'volumes:', '  pg_data:', ...volume.map((l) => `    ${l}`)].join('\n');

const targetDiagnostics = (r: FidelityResult) => Object.values(r.outputs).flatMap((o) => o?.diagnostics ?? []);

describe('the name of a volume that the file names (`name:`)', () => {
  let named: FidelityResult;
  beforeAll(async () => {
    named = await renderProject(withVolume('name: ${PG_VOLUME:-my_pg_data}'));
  }, 120_000);

  test('GIVEN name: ${PG_VOLUME:-my_pg_data} WHEN imported THEN the volume keeps the Docker volume my_pg_data on Compose, Swarm and docker, and nothing is left out', () => {
    expect(named.spec?.volumes.map((v) => [v.name, v.dockerName])).toEqual([['pg-data', 'my_pg_data']]);
    expect(parse(outputText(named, 'compose')).volumes).toEqual({ 'pg-data': { name: 'my_pg_data' } });
    expect(parse(outputText(named, 'swarm')).volumes).toEqual({ 'pg-data': { name: 'my_pg_data' } });
    expect(outputText(named, 'docker')).toContain('-v my_pg_data:/var/lib/postgresql/data');
    expect(named.imported.diagnostics.map((d) => [d.code, d.keyPath, d.message])).toEqual([
      [
        'import/docker-volume-name',
        'volumes.pg_data',
        'volume "pg_data" is named "pg-data" in the model (Kubernetes, ECS); Compose, Swarm and docker keep its Docker volume my_pg_data, so the data in it is found.',
      ],
    ]);
    expect(named.losses).toEqual([]);
  });

  test('GIVEN the same volume WHEN rendered on Kubernetes and ECS THEN they name it after the model (a claim pg-data) and no diagnostic mentions the Docker name', () => {
    expect(parseManifest(outputText(named, 'kubernetes')).filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata?.name)).toEqual(['pg-data']);
    expect(outputText(named, 'kubernetes')).not.toContain('my_pg_data');
    expect(outputText(named, 'ecs')).not.toContain('my_pg_data');
    expect(targetDiagnostics(named).filter((d) => d.message.includes('my_pg_data'))).toEqual([]);
  });

  test('GIVEN name: ${PG_VOLUME} and PG_VOLUME set (allowed) WHEN imported THEN the interpolated name is kept, with no other diagnostic, and written as dockerName in the TypeScript', () => {
    const imported = importText(withVolume('name: ${PG_VOLUME}'), { env: { PG_VOLUME: 'shop_pg' }, allowHostVariables: ['PG_VOLUME'] });
    expect(imported.plan.volumes).toEqual([{ id: 'pg-data', dockerName: 'shop_pg' }]);
    expect(imported.diagnostics.map((d) => d.code)).toEqual(['import/docker-volume-name']);
    expect(writeApp(imported.plan, { source: 'compose.yaml' })).toContain("new Volume(app, 'pg-data', { dockerName: 'shop_pg' });");
  });

  test('GIVEN a volume whose id is a DNS label and a name WHEN imported THEN the name is kept without a diagnostic', () => {
    const imported = importText(['services:', '  db:', '    image: postgres:16', '    restart: always', '    volumes: ["data:/var/lib/postgresql/data"]', 'volumes:', '  data:', '    name: my_pg_data'].join('\n'));
    expect(imported.plan.volumes).toEqual([{ id: 'data', dockerName: 'my_pg_data' }]);
    expect(imported.diagnostics).toEqual([]);
  });

  test('GIVEN a name Docker does not accept (the default of a variable) WHEN imported THEN one warning says the volume keeps the name it has without name:', () => {
    const imported = importText(withVolume('name: ${PG_VOLUME:-shop pg}'));
    expect(imported.plan.volumes).toEqual([{ id: 'pg-data', dockerName: 'inline_pg_data' }]);
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath, d.message, d.fix])).toEqual([
      [
        'import/docker-volume-name',
        'volumes.pg_data',
        'volume "pg_data" is named "pg-data" in the model (Kubernetes, ECS); Compose, Swarm and docker keep its Docker volume inline_pg_data, so the data in it is found.',
        undefined,
      ],
      [
        'import/unsupported-value',
        'volumes.pg_data.name',
        '"shop pg" is not a Docker volume name (letters, digits, _ . and -, starting with a letter or digit): volume pg_data keeps the name each target gives it without name:.',
        'Write a name Docker accepts, e.g. name: shop_db_data.',
      ],
    ]);
  });

  test('GIVEN external: true and a name WHEN imported THEN the existing volume is not reused: one import/external, and the new volume has no Docker name of its own', () => {
    const imported = importText(withVolume('external: true', 'name: my_pg_data'));
    expect(imported.plan.volumes).toEqual([{ id: 'pg-data' }]);
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath])).toEqual([['import/external', 'volumes.pg_data.external']]);
    expect(imported.diagnostics[0].message).toBe('the existing volume my_pg_data is not reused: the imported system creates its own volume pg_data.');
  });

  test('GIVEN two volumes that name one Docker volume WHEN imported THEN a warning says only the Docker engine shares their data', () => {
    const imported = importText(
      ['services:', '  db:', '    image: postgres:16', '    restart: always', '    volumes: ["a:/a", "b:/b"]', 'volumes:', '  a:', '    name: shared', '  b:', '    name: shared'].join('\n'),
    );
    expect(imported.plan.volumes).toEqual([
      { id: 'a', dockerName: 'shared' },
      { id: 'b', dockerName: 'shared' },
    ]);
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath, d.message, d.fix])).toEqual([
      [
        'import/unsupported-value',
        'volumes.b.name',
        'volume b names the Docker volume shared, as volume a does: Compose, Swarm and docker share its data between them, Kubernetes and ECS keep two volumes apart.',
        'Mount volume a where b is mounted, and remove b.',
      ],
    ]);
  });

  test('GIVEN a name on a volume that binds a host path WHEN imported THEN the name is left out with a warning: no Docker volume carries it', () => {
    const imported = importText(withVolume('name: my_pg_data', 'driver_opts: { type: none, o: bind, device: /srv/pg }'));
    const left = imported.diagnostics.filter((d) => d.code === 'import/unsupported-key');
    expect(left.map((d) => [d.keyPath, d.fix])).toEqual([
      ['volumes.pg_data.name', 'Only a network or volume that lading creates keeps its name: the default network, and a volume that binds a host path, have none of their own.'],
    ]);
  });
});
