import { Image, Mount, Service, System, Volume } from '../../lib/model';
import { kubernetesTarget } from '../../lib/targets/kubernetes';
import type { TargetResult } from '../../lib/targets/target';
import { validateManifest } from '../support/kubernetes-validators';

/** Inputs the random systems found that once crashed; each stays fixed. */
describe('regressions found by the random systems', () => {
  test('GIVEN a workload with an empty name WHEN constructed THEN a ModelError, not the constructs library\'s own error', () => {
    const s = new System('shop');
    expect(() => new Service(s, '', { image: Image.of('nginx:1.27') })).toThrow(
      "shop/ name: a name is required: lowercase letters, digits and '-' (got \"\"). Name it, e.g. 'web'.",
    );
  });

  test('GIVEN a volume that is not a whole number of GiB WHEN rendered for Kubernetes THEN the claim asks for exactly that size', async () => {
    const s = new System('shop');
    const data = new Volume(s, 'data', { size: '100m' });
    new Service(s, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/var/lib/postgresql/data')] });
    const result = (await kubernetesTarget.render(s.toSpec(), { projectRoot: process.cwd(), projectRootFromTargetDir: '../..' })) as TargetResult;
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const manifest = result.files[0].content;
    expect(manifest).toContain('storage: 100Mi');
    expect(validateManifest(manifest)).toEqual([]);
  });
});
