import type { Diagnostic } from '../diagnostics/diagnostic';
import { keepRender, lookupRender, type RenderCacheUse } from './cache/cached-render';
import type { LoadedApp } from './load-apps';
import type { OutputUnit } from './write-output';

export const GRAPH_FORMATS = ['svg', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The folder under the output directory that holds the pictures: `dist/graph`. */
const GRAPH_DIR = 'graph';

/** The drawing code, loaded when something is drawn: `lading synth --target kubernetes` draws nothing. */
function drawing(): typeof import('../graph') {
  return require('../graph');
}

/**
 * What `lading graph` prints. `svg` draws exactly one app (the caller checks); `mermaid` and `dot` print every
 * app, each after a comment line naming it (`%% app: NAME`, `// app: NAME`), separated by a blank line.
 */
export async function drawApps(apps: readonly LoadedApp[], format: GraphFormat): Promise<string> {
  const { dotOf, toMermaid, toSvg } = drawing();
  if (format === 'svg') return apps.length === 1 ? toSvg(apps[0].spec) : '';
  const header = format === 'mermaid' ? '%%' : '//';
  const draw = format === 'mermaid' ? toMermaid : dotOf;
  return apps.map((a) => `${header} app: ${a.name}\n${draw(a.spec)}`).join('\n');
}

/**
 * The graph units for synth: the whole `graph` folder when every app is drawn, else `graph/<app>.svg` and
 * `graph/<app>.md` for each chosen app, so the other apps' pictures stay. With `cache`, an unchanged app's
 * pictures are taken from it, as its renders are.
 */
export async function graphUnits(apps: readonly LoadedApp[], whole: boolean, cache?: RenderCacheUse): Promise<{ units: OutputUnit[]; diagnostics: Diagnostic[] }> {
  const units: OutputUnit[] = [];
  const diagnostics: Diagnostic[] = [];
  const all: Array<{ path: string; content: string }> = [];
  const { graphFiles, graphOutputsOf } = drawing();
  for (const app of apps) {
    try {
      const lookup = lookupRender('graph', app.spec, GRAPH_DIR, '.', cache);
      const drawn = lookup.kept?.files ?? (await graphFiles(app.spec));
      if (!lookup.kept) keepRender(cache, lookup, { files: drawn, diagnostics: [], outputs: [] });
      const files = drawn.map((f) => ({ path: `${GRAPH_DIR}/${f.path}`, content: f.content }));
      all.push(...files);
      for (const owned of graphOutputsOf(app.name)) {
        const unit = `${GRAPH_DIR}/${owned}`;
        units.push({ path: unit, files: files.filter((f) => f.path === unit) });
      }
    } catch (e) {
      diagnostics.push({
        code: 'internal/graph-failed',
        severity: 'error',
        path: app.spec.name,
        message: `drawing the graph failed: ${(e as Error)?.message ?? String(e)}`,
        fix: 'This is a bug in lading; run with LADING_DEBUG=1 for the stack trace and report it.',
      });
      if (process.env.LADING_DEBUG) console.error((e as Error)?.stack);
    }
  }
  return { units: whole ? [{ path: GRAPH_DIR, files: all }] : units, diagnostics };
}
