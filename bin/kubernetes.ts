/**
 * The cdk8s app of lading (`app` in cdk8s.yaml): `npx cdk8s synth` writes dist/kubernetes/<app>.k8s.yaml for
 * every app in apps/ (LADING_APPS_DIR chooses another folder), the same files as `lading synth --target
 * kubernetes`: each chart written by the target's own serializer, into the directory cdk8s names in
 * CDK8S_OUTDIR. It reports the diagnostics `lading synth --target kubernetes` reports, through the same pipeline
 * (the target's findings and the lint rules for Kubernetes, with the apps' suppressions applied), to stderr:
 * errors and warnings; every note too with LADING_VERBOSE=1; errors only with LADING_QUIET=1. An error writes
 * nothing and exits 1. The stage is chosen with `--stage NAME` after the script in cdk8s.yaml's `app` command, or
 * with LADING_STAGE=NAME; `dev` by default.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import type { Diagnostic } from '../lib/diagnostics/diagnostic';
import { formatLines, shownAt, sortDiagnostics, type Verbosity } from '../lib/diagnostics/pipeline';
import { diagnoseApp } from '../lib/synth/diagnose';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';
import { addSystem, chartManifest, manifestFile } from '../lib/targets/kubernetes';
import type { OverridingChart } from '../lib/targets/kubernetes/overrides';

/** LADING_QUIET=1 prints errors only, LADING_VERBOSE=1 every note; quiet wins when both are set. */
function verbosity(env: NodeJS.ProcessEnv): Verbosity {
  const on = (name: string) => env[name] !== undefined && env[name] !== '' && env[name] !== '0';
  return on('LADING_QUIET') ? 'quiet' : on('LADING_VERBOSE') ? 'verbose' : 'normal';
}

/** The stage: `--stage NAME` (or `--stage=NAME`) among the arguments, else LADING_STAGE, else the default. */
function stageOf(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const i = argv.indexOf('--stage');
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  const joined = argv.find((a) => a.startsWith('--stage='));
  if (joined) return joined.slice('--stage='.length);
  return env.LADING_STAGE !== undefined && env.LADING_STAGE !== '' ? env.LADING_STAGE : undefined;
}

function main(): number {
  let loaded;
  try {
    loaded = loadApps(process.env.LADING_APPS_DIR ?? 'apps', undefined, stageOf(process.argv.slice(2), process.env));
  } catch (e) {
    if (!AppLoadError.is(e)) throw e;
    for (const line of e.lines) process.stderr.write(`error ${line}\n`);
    return 1;
  }
  const app = new App({ outdir: process.env.CDK8S_OUTDIR ?? 'dist/kubernetes' });
  const charts: { name: string; chart: OverridingChart }[] = [];
  const reported: Diagnostic[] = [];
  for (const { spec, findings } of loaded) {
    const { chart, diagnostics } = addSystem(app, spec);
    charts.push({ name: spec.name, chart });
    reported.push(...diagnoseApp(spec, ['kubernetes'], [...(findings ?? []), ...diagnostics]).kept);
  }
  const sorted = sortDiagnostics(reported);
  for (const line of formatLines(shownAt(sorted, verbosity(process.env)))) process.stderr.write(`${line}\n`);
  if (sorted.some((d) => d.severity === 'error')) return 1;
  fs.mkdirSync(app.outdir, { recursive: true });
  for (const { name, chart } of charts) fs.writeFileSync(path.join(app.outdir, manifestFile(name)), chartManifest(chart));
  return 0;
}

process.exitCode = main();
