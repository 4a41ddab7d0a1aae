import type { SystemSpec } from '../model/spec';
import { dotOf } from './dot';

type Viz = { renderString(dot: string, options: { format: string; engine: string }): string };

let viz: Promise<Viz> | undefined;

/**
 * Lays out a DOT graph with Graphviz (the WebAssembly build in @viz-js/viz, bundled in the npm package: no
 * download and no system package at run time) and returns the SVG. The same DOT gives the same bytes.
 */
async function dotToSvg(dot: string): Promise<string> {
  viz ??= (require('@viz-js/viz') as { instance(): Promise<Viz> }).instance();
  const instance = await viz;
  return instance.renderString(dot, { format: 'svg', engine: 'dot' });
}

/** The system as an SVG picture. */
export async function toSvg(spec: SystemSpec): Promise<string> {
  return dotToSvg(dotOf(spec));
}
