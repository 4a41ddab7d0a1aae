import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import { expectValidCompose } from '../support/compose-validators';
import { parseManifest, validateManifest } from '../support/kubernetes-validators';
import { expectValidStack } from '../support/swarm-validators';
import { fidelityOf, type FidelityResult } from './support/fidelity';

const results = new Map<string, FidelityResult>();

beforeAll(async () => {
  for (const name of ['swarm-thelounge', 'dlaravel-nfs']) results.set(name, await fidelityOf(name));
}, 300_000);

function text(name: string, target: TargetName): string {
  return results.get(name)!.outputs[target]?.files.find((f) => !f.path.endsWith('manifest.json') && (target !== 'ecs' || f.path.endsWith('.template.json')))?.content ?? '';
}

function composeValid(name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-real-'));
  try {
    expectValidCompose(text(name, 'compose'), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('real-world files: service labels (a Swarm Traefik stack) and an NFS volume', () => {
  test('GIVEN Traefik labels under deploy.labels (swarm-thelounge) WHEN imported THEN they are service labels, and port 9000 is read from them', () => {
    const r = results.get('swarm-thelounge')!;
    const app = r.spec!.services.find((s) => s.name === 'app')!;
    expect(app.serviceLabels).toMatchObject({ 'traefik.enable': 'true', 'traefik.http.routers.thelounge-https.rule': 'Host(`thelounge.example.com`)', 'traefik.http.services.thelounge.loadbalancer.server.port': '9000' });
    expect(Object.keys(app.serviceLabels!)).toHaveLength(11);
    expect(app.main.labels).toEqual({});
    expect(app.main.ports.map((p) => p.containerPort)).toEqual([9000]);
    expect([r.errors, r.losses.map((l) => `${l.code} ${l.where}`)]).toEqual([[], ['import/external networks.traefik-public.external', 'ecs/placement swarm-thelounge/app placement.constraints[0]']]);
  });

  test('GIVEN swarm-thelounge WHEN rendered THEN Swarm and Compose keep deploy.labels, Kubernetes puts them on the Deployment only, ECS tags the service, docker says it cannot', () => {
    const stack = text('swarm-thelounge', 'swarm');
    expectValidStack(stack);
    expect(parse(stack).services.app.deploy.labels['traefik.http.routers.thelounge-https.tls.certresolver']).toBe('le');
    composeValid('swarm-thelounge');
    expect(parse(text('swarm-thelounge', 'compose')).services.app.deploy.labels['traefik.enable']).toBe('true');
    const manifest = text('swarm-thelounge', 'kubernetes');
    expect(validateManifest(manifest)).toEqual([]);
    const deployment = parseManifest(manifest).find((o) => o.kind === 'Deployment') as any;
    expect(deployment.metadata.labels['traefik.http.services.thelounge.loadbalancer.server.port']).toBe('9000');
    expect(deployment.metadata.annotations['traefik.http.routers.thelounge-http.rule']).toBe('Host(`thelounge.example.com`)');
    expect(deployment.spec.template.metadata.labels['traefik.enable']).toBeUndefined();
    const template = JSON.parse(text('swarm-thelounge', 'ecs'));
    const service = Object.values(template.Resources as Record<string, any>).find((x) => x.Type === 'AWS::ECS::Service');
    expect(service.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'traefik.enable', Value: 'true' }, { Key: 'traefik.http.routers.thelounge-https.tls', Value: 'true' }]));
    expect(results.get('swarm-thelounge')!.outputs.docker!.diagnostics.map((d) => d.code)).toContain('docker/service-labels');
  });

  test('GIVEN an NFS volume (dlaravel-nfs) WHEN imported THEN import/volume-driver says the files on the export are not seen, and every target renders a volume of its own', () => {
    const r = results.get('dlaravel-nfs')!;
    const d = r.imported.diagnostics.find((x) => x.code === 'import/volume-driver')!;
    expect([d.keyPath, d.message]).toEqual([
      'volumes.sites.driver_opts',
      'sites mounts the NFS export host.docker.internal:./sites in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), so the services do not see the files there, and what they write does not reach it.',
    ]);
    expect(r.errors).toEqual([]);
    // ./data is absent upstream too (MySQL's data folder): a volume that lives in ./data on one host
    expect(r.spec!.volumes.map((v) => [v.name, v.hostPath])).toEqual([['data', './data'], ['sites', undefined]]);
    composeValid('dlaravel-nfs');
    expect(Object.keys(parse(text('dlaravel-nfs', 'compose')).volumes)).toEqual(['sites']);
    expectValidStack(text('dlaravel-nfs', 'swarm'));
    const manifest = text('dlaravel-nfs', 'kubernetes');
    expect(validateManifest(manifest)).toEqual([]);
    expect(parseManifest(manifest).some((o) => o.kind === 'PersistentVolumeClaim' && /sites/.test(o.metadata?.name ?? ''))).toBe(true);
    expect(text('dlaravel-nfs', 'ecs')).toContain('AWS::EFS::FileSystem');
  });
});
