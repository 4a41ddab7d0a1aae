import { spawnSync } from 'child_process';
import * as path from 'path';
import * as lading from '../../lib';
import * as testing from '../../lib/testing';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the public API (lib/index.ts, lading/testing)', () => {
  test('GIVEN lading WHEN imported THEN it exports the model, synth and the diagnostics functions, and no target or pipeline internals', () => {
    const names = Object.keys(lading);
    expect(names).toEqual(
      expect.arrayContaining([
        'System', 'Service', 'Job', 'Sidecar', 'Network', 'Volume', 'Secret', 'Image', 'Port', 'Mount', 'HealthCheck', 'Dependency',
        'ModelError', 'synth', 'loadApps', 'AppLoadError', 'TARGET_NAMES', 'formatDiagnostic', 'sortDiagnostics', 'ladingVersion',
      ]),
    );
    for (const internal of ['renderTarget', 'loadTarget', 'diagnoseApp', 'Reporter', 'review', 'applySuppressions', 'synthApps', 'writeOutput']) {
      expect([internal, names.includes(internal)]).toEqual([internal, false]);
    }
    expect(lading.ladingVersion()).toBe((require('../../package.json') as { version: string }).version);
  });

  test('GIVEN lading/testing WHEN imported THEN it exports Testing and nothing that loads a target library', () => {
    expect(Object.keys(testing)).toEqual(['Testing']);
    const script = "require('./lib/testing'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/](aws-cdk-lib|cdk8s|cdk8s-plus-27)[\\\\/]/.test(f)).length))";
    const r = spawnSync(process.execPath, ['-r', './bin/register.js', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('0');
  });
});
