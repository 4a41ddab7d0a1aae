import * as path from 'path';
import { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import { failsWith, sortDiagnostics } from '../diagnostics/pipeline';
import { lint } from '../lint';
import { diagnoseApp } from './diagnose';
import { graphUnits } from './graph';
import { LoadedApp, loadApps } from './load-apps';
import { keepRender, lookupRender, type RenderCacheUse } from './cache/cached-render';
import { renderCacheDir } from './cache/cache-dir';
import { renderAll, workerCount } from './parallel/render-pool';
import { OutputUnit, writeOutput } from './write-output';

export interface SynthOptions {
  /** Folder of app modules. */
  readonly appsDir: string;
  /** Only these apps (System names); all when empty. */
  readonly apps?: readonly string[];
  /**
   * The stage app modules that export a stage function build (`lading synth --stage prod`).
   * @default 'dev'
   */
  readonly stage?: string;
  readonly targets: readonly TargetName[];
  /** Output folder: `dist`. */
  readonly outDir: string;
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /** Where relative build contexts and bind mounts start. @default process.cwd() */
  readonly projectRoot?: string;
  /** Render and report, but write nothing. */
  readonly dryRun?: boolean;
  /** Also draw each app to `graph/<app>.svg` and `graph/<app>.md` (see graph.ts). @default false */
  readonly graph?: boolean;
  /**
   * Where renders of unchanged apps are kept and reused (see cache/); false renders every app.
   * @default - the folder renderCacheDir() names (`LADING_CACHE`), with this lading's versions
   */
  readonly cache?: RenderCacheUse | false;
  /**
   * How many threads render the apps that are not taken from the cache; 1 renders them in this thread. The output
   * is the same for any number.
   * @default - `LADING_WORKERS`, else one per core for large systems (see parallel/render-pool.ts workerCount)
   */
  readonly workers?: number;
}

export interface SynthResult {
  readonly apps: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files written, relative to the working directory; empty when the synth failed. */
  readonly written: readonly string[];
  /** True when an error (or, with strict, a warning) stopped the output. */
  readonly failed: boolean;
  /** The apps rendered on at least one target. */
  readonly rendered: readonly string[];
  /** The apps whose every target came from the cache. */
  readonly reused: readonly string[];
}

/** Renders the chosen apps on the chosen targets; writes `outDir` only when no target reported an error. */
export async function synth(options: SynthOptions): Promise<SynthResult> {
  const apps = loadApps(options.appsDir, options.apps, options.stage);
  return synthApps(apps, options);
}

/** The same, for apps already loaded. */
export async function synthApps(apps: readonly LoadedApp[], options: Omit<SynthOptions, 'appsDir'>): Promise<SynthResult> {
  const diagnostics: Diagnostic[] = [];
  const units: OutputUnit[] = [];
  const root = options.projectRoot ?? process.cwd();
  const whole = !options.apps || options.apps.length === 0;
  const findings = new Map<LoadedApp, Diagnostic[]>(apps.map((app) => [app, []]));
  const cache = options.cache ?? defaultCache();
  const use = cache || undefined;
  const plan = options.targets.flatMap((name) => apps.map((app) => ({ name, app, targetDir: path.join(options.outDir, name) })));
  const looked = plan.map((p) => ({ ...p, ...lookupRender(p.name, p.app.spec, p.targetDir, root, use) }));
  const missing = looked.filter((l) => !l.kept);
  const jobs = missing.map((l) => ({ target: l.name, spec: l.app.spec, targetDir: l.targetDir, projectRoot: root }));
  const rendering = renderAll(jobs, options.workers ?? workerCount(jobs));
  // the lint rules read only the spec: run while worker threads render
  const linted = new Map(apps.map((app) => [app, lint(app.spec, { targets: options.targets })]));
  const done = await rendering;
  const renders = new Map(missing.map((l, i) => [l, done[i]]));
  for (const [l, render] of renders) keepRender(use, l, render);
  const rendered = new Set(missing.map((l) => l.app.name));
  for (const name of options.targets) {
    const targetUnits: OutputUnit[] = [];
    for (const l of looked.filter((x) => x.name === name)) {
      const result = l.kept ?? renders.get(l);
      if (!result) continue;
      findings.get(l.app)?.push(...result.diagnostics);
      const files = result.files.map((f) => ({ path: `${name}/${f.path}`, content: f.content }));
      for (const owned of result.outputs) {
        const prefix = `${name}/${owned}`;
        targetUnits.push({ path: prefix, files: files.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}/`)) });
      }
    }
    if (whole) units.push({ path: name, files: targetUnits.flatMap((u) => u.files) });
    else units.push(...targetUnits);
  }
  for (const app of apps) diagnostics.push(...diagnoseApp(app.spec, options.targets, [...(app.findings ?? []), ...(findings.get(app) ?? [])], linted.get(app)).kept);
  if (options.graph) {
    const drawn = await graphUnits(apps, whole, use);
    units.push(...drawn.units);
    diagnostics.push(...drawn.diagnostics);
  }
  const sorted = sortDiagnostics(diagnostics);
  const failed = failsWith(sorted, options.strict);
  const written = failed || options.dryRun ? [] : writeOutput(options.outDir, units, { projectRoot: root }).map((f) => path.relative(process.cwd(), f) || f);
  const names = apps.map((a) => a.name);
  return { apps: names, diagnostics: sorted, written, failed, rendered: names.filter((n) => rendered.has(n)), reused: names.filter((n) => !rendered.has(n)) };
}

/**
 * The cache of `LADING_CACHE` (node_modules/.cache/lading unless told otherwise), or none when it is off; its
 * code is loaded only when it is on.
 */
function defaultCache(): RenderCacheUse | false {
  const dir = renderCacheDir();
  if (!dir) return false;
  const { RenderCache } = require('./cache/render-cache') as typeof import('./cache/render-cache');
  const { renderVersions } = require('./cache/versions') as typeof import('./cache/versions');
  return { cache: new RenderCache(dir), versions: renderVersions() };
}
