import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import { review, sortDiagnostics, type Review } from '../diagnostics/pipeline';
import { lint, type LintResult } from '../lint';
import type { SystemSpec } from '../model/spec';

/**
 * What every entry point reports for one app rendered on `targets`: the targets' own findings and the lint
 * rules for those targets, with the app's suppressions applied once, sorted. `lading synth`, `lading check`,
 * the cdk.json entry (bin/ecs.ts), the cdk8s.yaml entry (bin/kubernetes.ts) and `lading/testing` all call this,
 * so they report the same diagnostics for the same app. `linted` is the app's `lint` for `targets`, when the
 * caller has run it already (synth runs it while the targets render in other threads).
 */
export function diagnoseApp(
  spec: SystemSpec,
  targets: readonly TargetName[],
  targetFindings: readonly Diagnostic[],
  linted: LintResult = lint(spec, { targets }),
): Review {
  const fromTargets = review(spec, targetFindings);
  return {
    kept: sortDiagnostics([...fromTargets.kept, ...linted.diagnostics]),
    suppressed: [...fromTargets.suppressed, ...linted.suppressed],
  };
}
