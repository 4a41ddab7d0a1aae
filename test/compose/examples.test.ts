import * as path from 'node:path';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import type { System } from '../../lib/model';
import { EXAMPLE_FILES } from '../support/examples';
import { PROJECT_ROOT, renderCompose } from './compose-test-kit';
import { resolveStage } from '../../lib/synth/resolve-stage';

const APPS_DIR = path.join(PROJECT_ROOT, 'apps');
/** The examples only: an app of one's own in apps/ gets no snapshot here. */
const appFiles = [...EXAMPLE_FILES];

function loadSystem(file: string): System {
  const mod = resolveStage(require(path.join(APPS_DIR, file))) as { default?: System };
  if (!mod.default) throw new Error(`apps/${file} has no default export`);
  return mod.default;
}

describe('compose output of the examples', () => {
  test('GIVEN the apps folder WHEN listed THEN every example of the tour is there', () => {
    const names = appFiles.map((f) => f.replace(/\.ts$/, ''));
    expect(names).toEqual(expect.arrayContaining(['cats-and-dogs', 'devbox', 'echo-server', 'hello', 'registry', 'shared-data', 'webapp']));
  });

  test.each(appFiles)('GIVEN apps/%s WHEN rendered THEN the compose file matches its snapshot and both validators accept it', (file) => {
    const system = loadSystem(file);
    const out = renderCompose(system);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.result.files.map((f) => f.path)).toEqual([`${system.toSpec().name}/compose.yaml`]);
    expect(out.yaml).toMatchSnapshot('compose.yaml');
    expect(out.diagnostics.map(formatDiagnostic)).toMatchSnapshot('diagnostics');
  });
});
