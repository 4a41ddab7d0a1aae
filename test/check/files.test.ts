import { checkApps } from '../../lib/check';
import type { LoadedApp } from '../../lib/synth/load-apps';
import { filesApp } from '../support/files-app';

describe('lading check: config files and secret files', () => {
  test('GIVEN an app with config and secret files WHEN checked THEN they are one concept, with the ECS folder notes under it and not under mounts', async () => {
    const s = filesApp();
    const app: LoadedApp = { name: s.name, file: 'apps/files.ts', spec: s.toSpec() };
    const report = await checkApps([app], { targets: ['compose', 'kubernetes', 'ecs'] });
    const web = report.apps[0].workloads.find((w) => w.name === 'web')!;
    const files = web.concepts.find((c) => c.concept === 'files')!;
    expect(files.label).toBe('config and secret files');
    expect(files.targets.compose).toEqual({ status: 'exact', diagnostics: [] });
    expect(files.targets.ecs?.diagnostics.map((d) => d.code)).toEqual(['ecs/config-file-folder', 'ecs/config-file-folder', 'ecs/config-file-folder', 'ecs/config-file-folder']);
    expect(web.concepts.find((c) => c.concept === 'mounts')).toBeUndefined();
  });
});
