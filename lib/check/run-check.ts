import * as path from 'path';
import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import { review } from '../diagnostics/pipeline';
import type { Suppressed } from '../diagnostics/suppressions';
import { lint } from '../lint';
import type { LoadedApp } from '../synth/load-apps';
import { renderTarget } from '../synth/render-target';
import { addCounts, buildAppReport } from './build-report';
import type { CheckReport } from './report';
import { securityView } from './security-view';

export interface CheckOptions {
  readonly targets: readonly TargetName[];
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /** Where relative build contexts and bind mounts start. @default process.cwd() */
  readonly projectRoot?: string;
  /** The output folder the targets would write to, for paths relative to it. @default 'dist' */
  readonly outDir?: string;
  /** Add the security view: which restricted-profile requirements each workload meets on each target. @default false */
  readonly security?: boolean;
}

/**
 * Renders every app on every target in memory, runs the lint rules, and reports how each concept maps.
 * Writes nothing. A target that throws is reported as `internal/target-failed`, never thrown.
 */
export async function checkApps(apps: readonly LoadedApp[], options: CheckOptions): Promise<CheckReport> {
  const root = options.projectRoot ?? process.cwd();
  const outDir = options.outDir ?? 'dist';
  const targets = [...options.targets];
  const reports = [];
  for (const app of apps) {
    const byTarget: Partial<Record<TargetName, Diagnostic[]>> = {};
    const suppressed: Suppressed[] = [];
    for (const name of targets) {
      const found = (await renderTarget(name, app.spec, path.resolve(root, outDir, name), root)).diagnostics;
      const split = review(app.spec, found);
      byTarget[name] = [...split.kept];
      suppressed.push(...split.suppressed);
    }
    const linted = lint(app.spec, { targets });
    suppressed.push(...linted.suppressed);
    const loaded = review(app.spec, app.findings ?? []);
    suppressed.push(...loaded.suppressed);
    const report = buildAppReport({ name: app.name, file: app.file, spec: app.spec, targets, byTarget, lint: [...loaded.kept, ...linted.diagnostics], suppressed });
    reports.push(options.security === true ? { ...report, security: securityView(app.spec, targets, byTarget) } : report);
  }
  const counts = addCounts(reports.map((r) => r.counts));
  const ok = counts.error === 0 && !(options.strict === true && counts.warning > 0);
  return { version: 1, ok, strict: options.strict === true, targets, apps: reports, counts };
}
