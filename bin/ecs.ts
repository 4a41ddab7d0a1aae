/**
 * The app of cdk.json: `npx cdk synth` / `npx cdk deploy [Stack]` on the same apps as `lading synth --target ecs`.
 * Choose apps with `-c apps=hello,webapp` (System names); all apps by default.
 */
import { type Diagnostic } from '../lib/diagnostics/diagnostic';
import { formatDiagnostic, sortDiagnostics } from '../lib/diagnostics/pipeline';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { createEcsApp } from '../lib/targets/ecs/assembly';
import { EcsDiagnostics } from '../lib/targets/ecs/diagnostics';
import { checkSynthesizedStacks } from '../lib/targets/ecs/stack-limits';
import { buildSystemStacks, type SystemStacks } from '../lib/targets/ecs/system-stack';

/** Prints diagnostics to stderr, info only with LADING_VERBOSE. */
function report(diagnostics: readonly Diagnostic[]): void {
  const verbose = process.env.LADING_VERBOSE !== undefined;
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    if (verbose || diagnostic.severity !== 'info') console.error(formatDiagnostic(diagnostic));
  }
}

function main(): number {
  const app = createEcsApp();
  const chosen = app.node.tryGetContext('apps');
  const names = typeof chosen === 'string' && chosen.trim() !== '' ? chosen.split(',').map((n) => n.trim()) : undefined;
  const appsDir = String(app.node.tryGetContext('appsDir') ?? 'apps');
  let loaded;
  try {
    loaded = loadApps(appsDir, names);
  } catch (e) {
    if (!AppLoadError.is(e)) throw e;
    for (const line of e.lines) console.error(line);
    return 1;
  }
  const d = new EcsDiagnostics();
  const built: Array<{ system: string; stacks: SystemStacks }> = [];
  for (const { spec } of loaded) {
    const stacks = buildSystemStacks(app, spec, d, { projectRoot: process.cwd() });
    if (stacks) built.push({ system: spec.name, stacks });
  }
  report(d.all);
  if (d.hasErrors) return 1;
  const assembly = app.synth();
  // the stack plan only estimates: measure what was synthesized against CloudFormation's limits, as lading synth does
  const limits = new EcsDiagnostics();
  for (const { system, stacks } of built) checkSynthesizedStacks(system, stacks.stacks, assembly.directory, limits, stacks.contents);
  report(limits.all);
  return limits.hasErrors ? 1 : 0;
}

process.exitCode = main();
