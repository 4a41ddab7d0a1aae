import fc from 'fast-check';
import { checkApps, formatJson, formatText } from '../../lib/check';
import { applySuppressions } from '../../lib/diagnostics/suppressions';
import { loadTarget } from '../../lib/synth/targets';
import type { TargetName } from '../../lib/diagnostics/diagnostic';
import { systemPlan } from './arbitraries';
import { buildSystem } from './build-system';
import { fcParameters } from './expectations';

const TARGETS: TargetName[] = ['compose', 'kubernetes', 'ecs', 'docker', 'swarm'];
const key = (d: { target?: string; code: string; path: string; message: string }) => [d.target, d.code, d.path, d.message].join(' | ');

describe('lading check on random systems', () => {
  test('GIVEN any valid system WHEN checked THEN the report never throws, loses no finding, and prints no undefined', async () => {
    await fc.assert(
      fc.asyncProperty(systemPlan, async (plan) => {
        const built = buildSystem(plan);
        if (!built.spec) return;
        const spec = built.spec;
        const report = await checkApps([{ name: spec.name, file: `apps/${spec.name}.ts`, spec }], { targets: TARGETS });
        const app = report.apps[0];
        // every finding of every target is in some cell, or listed as turned off
        const inCells = new Set(app.workloads.flatMap((w) => w.concepts.flatMap((c) => Object.values(c.targets).flatMap((cell) => cell!.diagnostics.map(key)))));
        const turnedOff = new Set(app.suppressed.flatMap((s) => s.diagnostics.map(key)));
        for (const t of TARGETS) {
          let found;
          try {
            found = (await loadTarget(t).render(spec, { projectRoot: process.cwd(), projectRootFromTargetDir: '../..' })).diagnostics;
          } catch {
            continue; // a target that throws shows as internal/target-failed, tested in the target's own property
          }
          for (const d of applySuppressions(spec, found).kept) expect([key(d), inCells.has(key(d)) || turnedOff.has(key(d))]).toEqual([key(d), true]);
        }
        const text = formatText(report, { width: 80 });
        expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
        expect(JSON.parse(formatJson(report)).apps[0].name).toBe(spec.name);
      }),
      fcParameters(25),
    );
  });
});
