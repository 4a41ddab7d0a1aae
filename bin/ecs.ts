/**
 * The app of cdk.json: `npx cdk synth` / `npx cdk deploy [Stack]` on the same apps as `lading synth --target ecs`,
 * reporting the same diagnostics (suppressions applied, lint included) to stderr: errors and warnings; notes too
 * with LADING_VERBOSE=1; errors only with LADING_QUIET=1. Choose apps with `-c apps=hello,webapp` (System names),
 * all apps by default; another apps folder with `-c appsDir=DIR`; the stage with `-c stage=prod` (default `dev`).
 * An error exits 1.
 */
import { formatLines, shownAt, sortDiagnostics, type Verbosity } from '../lib/diagnostics/pipeline';
import { diagnoseApp } from '../lib/synth/diagnose';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { addSystemStacks, checkSynthesized, createEcsApp } from '../lib/targets/ecs';

/** An environment switch is on when set to anything but '' or '0'. */
function on(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

function verbosityOf(env: NodeJS.ProcessEnv): Verbosity {
  if (on(env.LADING_QUIET)) return 'quiet';
  return on(env.LADING_VERBOSE) ? 'verbose' : 'normal';
}

function main(): number {
  const app = createEcsApp();
  const chosen = app.node.tryGetContext('apps');
  const names = typeof chosen === 'string' && chosen.trim() !== '' ? chosen.split(',').map((n) => n.trim()) : undefined;
  const appsDir = String(app.node.tryGetContext('appsDir') ?? 'apps');
  const stage = app.node.tryGetContext('stage');
  let loaded;
  try {
    loaded = loadApps(appsDir, names, stage === undefined ? undefined : String(stage));
  } catch (e) {
    if (!AppLoadError.is(e)) throw e;
    for (const line of e.lines) console.error(`error ${line}`);
    return 1;
  }
  // a system with an error leaves no stack behind, so the others still synthesize and are measured
  const added = loaded.map(({ spec, findings }) => ({ spec, findings: findings ?? [], added: addSystemStacks(app, spec, { projectRoot: process.cwd() }) }));
  const assembly = app.synth();
  const kept = sortDiagnostics(added.flatMap(({ spec, findings, added: a }) => diagnoseApp(spec, ['ecs'], [...findings, ...a.diagnostics, ...checkSynthesized(a, assembly)]).kept));
  for (const line of formatLines(shownAt(kept, verbosityOf(process.env)))) console.error(line);
  return kept.some((d) => d.severity === 'error') ? 1 : 0;
}

process.exitCode = main();
