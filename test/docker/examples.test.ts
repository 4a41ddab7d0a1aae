import * as path from 'node:path';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import type { System } from '../../lib/model';
import { EXAMPLE_FILES } from '../support/examples';
import { PROJECT_ROOT, renderDocker, runScript } from './docker-test-kit';
import { resolveStage } from '../../lib/synth/resolve-stage';

const APPS_DIR = path.join(PROJECT_ROOT, 'apps');
/** The examples only: an app of one's own in apps/ gets no snapshot here. */
const appFiles = [...EXAMPLE_FILES];

function loadSystem(file: string): System {
  const mod = resolveStage(require(path.join(APPS_DIR, file))) as { default?: System };
  if (!mod.default) throw new Error(`apps/${file} has no default export`);
  return mod.default;
}

/** Every secret a script requires, set to a placeholder so it runs. */
function secretsOf(script: string): Record<string, string> {
  return Object.fromEntries([...script.matchAll(/: "\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => [m[1], 'placeholder']));
}

describe('docker output of the examples', () => {
  test('GIVEN the apps folder WHEN listed THEN every example of the tour is there', () => {
    const names = appFiles.map((f) => f.replace(/\.ts$/, ''));
    expect(names).toEqual(expect.arrayContaining(['cats-and-dogs', 'devbox', 'echo-server', 'hello', 'registry', 'shared-data', 'webapp']));
  });

  test.each(appFiles)('GIVEN apps/%s WHEN rendered THEN the script matches its snapshot and bash -n and shellcheck accept it', (file) => {
    const system = loadSystem(file);
    const out = renderDocker(system);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.result.files.map((f) => f.path)).toEqual([`${out.spec.name}.sh`]);
    expect(out.script).toMatchSnapshot('script');
    expect(out.diagnostics.map(formatDiagnostic)).toMatchSnapshot('diagnostics');
  });

  test.each(appFiles)('GIVEN apps/%s WHEN its script runs up and down --volumes THEN the real Docker client parses every docker command line', (file) => {
    const out = renderDocker(loadSystem(file));
    const env = secretsOf(out.script);
    for (const args of [[], ['down', '--volumes']]) {
      const run = runScript(out, args, { env, checkClient: true });
      expect(run.stderr.replace(/^waiting for .* to be healthy\n/gm, '')).toBe('');
      expect(run.code).toBe(0);
      expect(run.calls.length).toBeGreaterThan(0);
      expect(run.rejected).toEqual([]);
    }
  });
});
