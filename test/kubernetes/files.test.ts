import { ConfigFile, Image, Mount, Service, System } from '../../lib/model';
import { validateManifest } from '../support/kubernetes-validators';
import { expectedFiles, filesApp } from '../support/files-app';
import { render } from './render';

/** The bytes and mode a container sees at each mounted path, followed through its volumes to the ConfigMaps. */
function filesSeen(r: ReturnType<typeof render>, workload: string): Map<string, { bytes: Buffer; mode: number }> {
  const pod = r.pod(workload).spec;
  const out = new Map<string, { bytes: Buffer; mode: number }>();
  for (const m of r.container(workload).volumeMounts ?? []) {
    const volume = pod.volumes.find((v: any) => v.name === m.name);
    if (!volume.configMap) continue;
    expect(m.readOnly).toBe(true);
    const map = r.get('ConfigMap', volume.configMap.name);
    const item = volume.configMap.items.find((i: any) => i.path === m.subPath);
    const text = map.data?.[item.key];
    const bytes = text !== undefined ? Buffer.from(text, 'utf8') : Buffer.from(map.binaryData[item.key], 'base64');
    out.set(m.mountPath, { bytes, mode: item.mode });
  }
  return out;
}

describe('kubernetes config files and secret files', () => {
  test('GIVEN a config file, a folder, a binary file and a secret file WHEN rendered THEN the ConfigMaps decode to the project bytes at the model paths, and the manifest is schema-valid', () => {
    const r = render(filesApp());
    expect(validateManifest(r.yaml)).toEqual([]);
    expect(filesSeen(r, 'web')).toEqual(expectedFiles());
    expect(Object.keys(r.get('ConfigMap', 'logo').binaryData)).toEqual(['logo.bin']);
    expect(r.get('ConfigMap', 'logo').data).toBeUndefined();
    expect(r.get('ConfigMap', 'pipeline').data).toEqual({ 'extra_output.conf': 'output { stdout {} }\n', 'input.conf': 'input { beats { port => 5044 } }\n' });
  });

  test('GIVEN a secret mounted as a file WHEN rendered THEN a Secret volume mounts its key by subPath at the path, read-only', () => {
    const r = render(filesApp());
    const mount = r.container('web').volumeMounts.find((m: any) => m.mountPath === '/run/secrets/db-password');
    expect(mount).toEqual({ mountPath: '/run/secrets/db-password', name: mount.name, readOnly: true, subPath: 'db-password' });
    const volume = r.pod('web').spec.volumes.find((v: any) => v.name === mount.name);
    expect(volume.secret).toEqual({ secretName: 'db-password', defaultMode: 0o444, items: [{ key: 'value', path: 'db-password', mode: 0o444 }] });
    expect(r.codes).toContain('kubernetes/secret-required');
  });

  test('GIVEN a config file over 1 MiB WHEN rendered THEN kubernetes/config-file-size, located at the config file, and no manifest', () => {
    const sys = new System('big');
    const big = new ConfigFile(sys, 'big', { content: 'x'.repeat(1024 * 1024 + 1) });
    new Service(sys, 'app', { image: Image.of('busybox:1.36'), mounts: [Mount.config(big, '/etc/big.txt')] });
    const r = render(sys);
    const d = r.diagnostic('kubernetes/config-file-size');
    expect(d.path).toBe('big/big content');
    expect(d.message).toBe('a ConfigMap holds at most 1048576 bytes (got 1048580 in big)');
    expect(d.fix).toBe('Ship the file in the image, or mount it from a volume.');
    expect(r.yaml).toBe('');
  });
});
