import type { SystemSpec } from '../model/spec';
import { toMermaidMarkdown } from './mermaid';
import { toSvg } from './svg';

export interface GraphFile {
  /** Relative to the graph output folder (`dist/graph`): `<app>.svg`, `<app>.md`. */
  readonly path: string;
  readonly content: string;
}

/** The files drawn for one system: `<app>.svg` (laid out by Graphviz) and `<app>.md` (a Mermaid block). */
export async function graphFiles(spec: SystemSpec): Promise<GraphFile[]> {
  return [
    { path: `${spec.name}.md`, content: toMermaidMarkdown(spec) },
    { path: `${spec.name}.svg`, content: await toSvg(spec) },
  ];
}

/** The paths (relative to `dist/graph`) that belong to one app. */
export function graphOutputsOf(app: string): string[] {
  return [`${app}.md`, `${app}.svg`];
}
