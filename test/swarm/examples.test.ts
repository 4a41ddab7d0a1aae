import * as path from 'node:path';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import type { System } from '../../lib/model';
import { composeTarget } from '../../lib/targets/compose';
import type { TargetResult } from '../../lib/targets/target';
import { EXAMPLE_FILES } from '../support/examples';
import { composeReachability, stackReachability } from '../support/reachability';
import { stackConfig, stackConfigErrors } from '../support/swarm-validators';
import { CONTEXT, PROJECT_ROOT, renderSwarm } from './swarm-test-kit';
import { resolveStage } from '../../lib/synth/resolve-stage';

const APPS_DIR = path.join(PROJECT_ROOT, 'apps');
const appFiles = [...EXAMPLE_FILES];

function loadSystem(file: string): System {
  const mod = resolveStage(require(path.join(APPS_DIR, file))) as { default?: System };
  if (!mod.default) throw new Error(`apps/${file} has no default export`);
  return mod.default;
}

describe('swarm output of the examples', () => {
  test('GIVEN the apps folder WHEN listed THEN every example of the tour is there', () => {
    const names = appFiles.map((f) => f.replace(/\.ts$/, ''));
    expect(names).toEqual(expect.arrayContaining(['cats-and-dogs', 'devbox', 'echo-server', 'hello', 'registry', 'shared-data', 'webapp']));
  });

  test.each(appFiles)('GIVEN apps/%s WHEN rendered THEN docker stack config accepts the stack file, which matches its snapshot', (file) => {
    const system = loadSystem(file);
    const out = renderSwarm(system);
    // every example renders on Swarm: what Swarm cannot do is a located warning or info, never an error
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.result.files.map((f) => f.path)).toEqual([`${system.toSpec().name}/stack.yaml`]);
    const verdict = stackConfig(out.yaml);
    expect({ status: verdict.status, stderr: verdict.stderr }).toEqual({ status: 0, stderr: '' });
    expect(Object.keys(parse(verdict.stdout).services).sort()).toEqual(Object.keys(out.doc.services).sort());
    expect(out.yaml).toMatchSnapshot('stack.yaml');
    expect(out.diagnostics.map(formatDiagnostic)).toMatchSnapshot('diagnostics');
  });

  test.each(appFiles)('GIVEN apps/%s WHEN rendered on Compose and on Swarm THEN the same services reach each other and the outside reaches the same ports', (file) => {
    const spec = loadSystem(file).toSpec();
    const compose = composeTarget.render(spec, CONTEXT) as TargetResult;
    const swarm = renderSwarm(spec);
    const composeDoc = parse(compose.files[0].content);
    const stack = stackReachability(swarm.doc);
    expect(stack).toEqual(composeReachability(composeDoc));
    expect(Object.keys(stack.networks).length).toBeGreaterThan(0);
  });

  test.each(appFiles)('GIVEN the Compose file of apps/%s WHEN docker stack config reads it THEN Swarm refuses it, so the README offers the stack file instead', (file) => {
    const compose = composeTarget.render(loadSystem(file).toSpec(), CONTEXT) as TargetResult;
    expect(stackConfigErrors(compose.files[0].content)).not.toEqual([]);
  });
});
