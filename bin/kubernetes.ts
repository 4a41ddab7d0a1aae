/**
 * The cdk8s app of lading (`app` in cdk8s.yaml): `npx cdk8s synth` writes dist/kubernetes/<app>.k8s.yaml for
 * every app in apps/, the same files as `lading synth --target kubernetes`. Diagnostics go to stderr; an error
 * writes nothing and exits 1.
 */
import { App } from 'cdk8s';
import { formatDiagnostic, sortDiagnostics } from '../lib/diagnostics/diagnostic';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { addSystem } from '../lib/targets/kubernetes';

function main(): number {
  const appsDir = process.env.LADING_APPS_DIR ?? 'apps';
  let loaded;
  try {
    loaded = loadApps(appsDir);
  } catch (e) {
    if (!AppLoadError.is(e)) throw e;
    for (const line of e.lines) process.stderr.write(`error ${line}\n`);
    return 1;
  }
  const app = new App({ outdir: process.env.CDK8S_OUTDIR ?? 'dist/kubernetes' });
  const diagnostics = sortDiagnostics(loaded.flatMap((a) => addSystem(app, a.spec)));
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  app.synth();
  return 0;
}

process.exitCode = main();
