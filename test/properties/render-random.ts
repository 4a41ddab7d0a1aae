import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import type { SystemSpec } from '../../lib/model/spec';
import { loadTarget } from '../../lib/synth/targets';
import type { TargetResult } from '../../lib/targets/target';
import { ROOT } from '../support/run-cli';
import { systemPlan } from './arbitraries';
import { buildSystem } from './build-system';
import { expectUserError, expectWellFormed, fcParameters, hasError } from './expectations';

/** Where synth would write, so relative build contexts and bind mounts resolve as they will. */
const CONTEXT = { projectRoot: ROOT, projectRootFromTargetDir: '../..' };
/** docker-compose costs about half a second a file, shellcheck a tenth: they check a sample. */
export const SAMPLE = 6;
const BROKEN_OUTPUT = /\bundefined\b|\bNaN\b|\[object Object\]/;

export interface Rendered {
  readonly spec: SystemSpec;
  readonly result: TargetResult;
}

/** Renders every valid random system on one target; checks what is cheap on each and hands back the outputs. */
export async function renderRandomSystems(target: TargetName, runs: number): Promise<{ outputs: Rendered[]; refused: number }> {
  const renderer = loadTarget(target);
  const outputs: Rendered[] = [];
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(systemPlan, async (plan) => {
      const built = buildSystem(plan);
      if (!built.spec) return expectUserError(built.thrown);
      const spec = built.spec;
      let result: TargetResult;
      try {
        result = await renderer.render(spec, CONTEXT);
      } catch (e) {
        throw new Error(`the ${target} target threw on a valid spec: ${(e as Error)?.stack ?? e}\n${JSON.stringify(spec)}`);
      }
      expectWellFormed(spec, result.diagnostics, target);
      if (hasError(result.diagnostics)) {
        refused++;
        return;
      }
      expect(result.files.length).toBeGreaterThan(0);
      for (const f of result.files) {
        expect(renderer.outputsOf(spec.name).some((o) => f.path === o || f.path.startsWith(`${o}/`))).toBe(true);
        if (BROKEN_OUTPUT.test(f.content) && !BROKEN_OUTPUT.test(JSON.stringify(plan))) throw new Error(`${f.path} holds undefined or NaN:\n${f.content}`);
      }
      outputs.push({ spec, result });
    }),
    fcParameters(runs),
  );
  return { outputs, refused };
}

export const contextsExist = (r: Rendered) =>
  [...r.spec.services, ...r.spec.jobs]
    .flatMap((w) => [w.main, ...w.sidecars])
    .every((c) => c.image.kind !== 'build' || fs.existsSync(path.join(ROOT, c.image.context)));

export const fileOf = (r: Rendered, end: string) => {
  const f = r.result.files.find((x) => x.path.endsWith(end));
  if (!f) throw new Error(`no ${end} among ${r.result.files.map((x) => x.path).join(', ')}`);
  return f;
};

