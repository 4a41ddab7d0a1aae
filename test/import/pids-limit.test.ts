import { writeApp } from '../../lib/import/typescript/write-app';
import { findings, importText } from './support/import-kit';

const service = (keys: string): string => `services:\n  web:\n    image: nginx:1.27\n    restart: always\n${keys}`;

describe('importing a process limit: pids_limit and deploy.resources.limits.pids', () => {
  test('GIVEN pids_limit WHEN imported THEN the model carries resources.pids, and the TypeScript writes it', () => {
    const imported = importText(service('    pids_limit: 200\n'));
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].main.resources).toEqual({ pidsLimit: 200 });
    expect(writeApp(imported.plan)).toContain('resources: { pids: 200 }');
  });

  test('GIVEN deploy.resources.limits.pids WHEN imported THEN the model carries it beside the memory limit', () => {
    const imported = importText(service('    deploy:\n      resources:\n        limits:\n          memory: 256M\n          pids: 100\n'));
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().services[0].main.resources).toEqual({ memoryBytes: 268435456, pidsLimit: 100 });
  });

  test('GIVEN pids_limit and deploy pids that differ WHEN imported THEN the deploy value is kept and the other reported', () => {
    const imported = importText(service('    pids_limit: 50\n    deploy:\n      resources:\n        limits:\n          pids: 100\n'));
    expect(imported.diagnostics.map((d) => [d.code, d.keyPath, d.message])).toEqual([
      ['import/unsupported-value', 'services.web.pids_limit', "pids_limit 50 differs from the deploy resources' 100: the deploy value is kept."],
    ]);
    expect(imported.system!.toSpec().services[0].main.resources.pidsLimit).toBe(100);
  });

  test('GIVEN pids_limit -1 or 0 (no limit) WHEN imported THEN no limit is set, as the model does by default', () => {
    for (const value of ['-1', '0']) {
      const imported = importText(service(`    pids_limit: ${value}\n`));
      expect(findings(imported)).toEqual([]);
      expect(imported.system!.toSpec().services[0].main.resources).toEqual({});
    }
  });
});
