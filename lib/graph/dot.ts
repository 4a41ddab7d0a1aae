import type { SystemSpec } from '../model/spec';
import { buildSystemGraph, GraphEdge, GraphGroup, GraphNode, SystemGraph } from './system-graph';

const FONT = 'Helvetica';

/** The system as a Graphviz DOT digraph (see system-graph.ts for what is drawn). Pure and deterministic. */
export function dotOf(spec: SystemSpec): string {
  return writeDot(buildSystemGraph(spec));
}

function writeDot(graph: SystemGraph): string {
  const out: string[] = [];
  out.push(`digraph ${quote(graph.name)} {`);
  out.push(`  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.4, ranksep=0.8, fontname=${quote(FONT)}, fontsize=12, label=${quote(graph.name)}, labelloc=t];`);
  out.push(`  node [fontname=${quote(FONT)}, fontsize=11];`);
  out.push(`  edge [fontname=${quote(FONT)}, fontsize=10];`);
  for (const g of graph.groups) out.push(...group(g));
  for (const n of graph.loose) out.push(`  ${node(n)}`);
  for (const e of graph.edges) out.push(`  ${edge(e, graph.groups)}`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

function group(g: GraphGroup): string[] {
  const style = g.network.internal ? 'rounded,dashed,filled' : 'rounded,filled';
  const color = g.network.internal ? '#b85450' : '#6c8ebf';
  const lines = [
    `  subgraph ${quote(`cluster_${g.id}`)} {`,
    `    graph [label=${quote(g.label)}, style=${quote(style)}, color=${quote(color)}, fillcolor="#f7f9fc"];`,
  ];
  // an unseen point for `joins` edges to end on (clipped at the group's border), and so an empty group still shows
  if (g.joined || g.nodes.length === 0) lines.push(`    ${quote(g.id)} [shape=point, width=0.01, style=invis];`);
  for (const n of g.nodes) lines.push(`    ${node(n)}`);
  lines.push('  }');
  return lines;
}

function node(n: GraphNode): string {
  switch (n.kind) {
    case 'outside':
      return `${quote(n.id)} [label=${quote(n.title)}, shape=box, style="rounded,dashed"];`;
    case 'volume':
      return `${quote(n.id)} [label=${html([bold(n.title), ...n.lines.map(text)])}, shape=cylinder, style=filled, fillcolor="#fff2cc"];`;
    case 'bind':
      return `${quote(n.id)} [label=${html([bold(n.title), ...n.lines.map(text)])}, shape=folder, style=filled, fillcolor="#f5f5f5"];`;
    case 'workload': {
      const rows = [bold(n.title), ...n.lines.map(text)];
      const sidecars = n.sidecars.map((s) => `<td border="1" style="rounded" bgcolor="#eeeeee">sidecar ${bold(s.name)}<br/>${text(s.image)}</td>`);
      return `${quote(n.id)} [label=${html(rows, sidecars)}, shape=box, style="rounded,filled", fillcolor="#dae8fc"];`;
    }
  }
}

function edge(e: GraphEdge, groups: readonly GraphGroup[]): string {
  const attrs: string[] = [];
  if (e.label !== undefined) attrs.push(`label=${quote(e.label)}`);
  switch (e.kind) {
    case 'publish':
      attrs.push('color="#1f6feb"', 'fontcolor="#1f6feb"', 'penwidth=1.5');
      break;
    case 'depends':
      attrs.push('style=dashed');
      break;
    case 'mount':
      attrs.push('color="#9a7b00"', 'fontcolor="#9a7b00"', 'arrowhead=none');
      break;
    case 'joins': {
      const g = groups.find((x) => x.id === e.to);
      attrs.push('style=dotted', 'arrowhead=none', 'label="joins"');
      if (g) attrs.push(`lhead=${quote(`cluster_${g.id}`)}`);
      break;
    }
  }
  return `${quote(e.from)} -> ${quote(e.to)} [${attrs.join(', ')}];`;
}

/** An HTML-like label: one row per entry, then one boxed row per sidecar. */
function html(rows: readonly string[], boxed: readonly string[] = []): string {
  const cells = [...rows.map((r) => `<tr><td>${r}</td></tr>`), ...boxed.map((b) => `<tr>${b}</tr>`)];
  return `<<table border="0" cellborder="0" cellspacing="2">${cells.join('')}</table>>`;
}

function bold(s: string): string {
  return `<b>${text(s)}</b>`;
}

/** Escapes text for an HTML-like label. */
function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A DOT double-quoted id. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
