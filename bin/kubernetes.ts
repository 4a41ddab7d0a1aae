/**
 * The cdk8s app of lading (`app` in cdk8s.yaml): `npx cdk8s synth` writes dist/kubernetes/<app>.k8s.yaml for
 * every app in apps/, the same files as `lading synth --target kubernetes` (each chart written by the target's
 * own serializer, into the directory cdk8s names in CDK8S_OUTDIR). Diagnostics go to stderr; an error writes
 * nothing and exits 1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, type Chart } from 'cdk8s';
import { formatDiagnostic, sortDiagnostics } from '../lib/diagnostics/pipeline';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { addSystem, chartManifest, manifestFile } from '../lib/targets/kubernetes';

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
  const charts: { name: string; chart: Chart }[] = [];
  const all = loaded.flatMap(({ spec }) => {
    const { chart, diagnostics } = addSystem(app, spec);
    charts.push({ name: spec.name, chart });
    return diagnostics;
  });
  const diagnostics = sortDiagnostics(all);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  const files = charts.map(({ name, chart }) => ({ file: path.join(app.outdir, manifestFile(name)), content: chartManifest(chart) }));
  fs.mkdirSync(app.outdir, { recursive: true });
  for (const { file, content } of files) fs.writeFileSync(file, content);
  return 0;
}

process.exitCode = main();
