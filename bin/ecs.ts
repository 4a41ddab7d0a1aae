/**
 * The app of cdk.json: `npx cdk synth` / `npx cdk deploy [Stack]` on the same apps as `lading synth --target ecs`.
 * Choose apps with `-c apps=hello,webapp` (System names); all apps by default.
 */
import { formatDiagnostic, sortDiagnostics } from '../lib/diagnostics/diagnostic';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { createEcsApp } from '../lib/targets/ecs/assembly';
import { EcsDiagnostics } from '../lib/targets/ecs/diagnostics';
import { buildSystemStack } from '../lib/targets/ecs/system-stack';

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
  for (const { spec } of loaded) buildSystemStack(app, spec, d, { projectRoot: process.cwd() });
  const verbose = process.env.LADING_VERBOSE !== undefined;
  for (const diagnostic of sortDiagnostics(d.all)) {
    if (verbose || diagnostic.severity !== 'info') console.error(formatDiagnostic(diagnostic));
  }
  if (d.hasErrors) return 1;
  app.synth();
  return 0;
}

process.exitCode = main();
