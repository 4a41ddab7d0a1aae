import type { SystemSpec } from '../model/spec';
import { buildSystemGraph, GraphEdge, GraphGroup, GraphNode, SystemGraph } from './system-graph';

/** The system as a Mermaid flowchart (see system-graph.ts for what is drawn). Pure and deterministic. */
export function toMermaid(spec: SystemSpec): string {
  return writeMermaid(buildSystemGraph(spec));
}

/** A Markdown page with the flowchart in a fenced `mermaid` block, which code hosts render as a picture. */
export function toMermaidMarkdown(spec: SystemSpec): string {
  return [
    `# ${spec.name}`,
    '',
    'Published ports come from `outside` (host port -> container port; `*` is a port the platform picks).',
    'Dashed arrows: depends on, with the condition. Dotted lines: a workload that joins several networks.',
    'Cylinders: persistent volumes, labelled with the mount path.',
    '',
    '```mermaid',
    toMermaid(spec).trimEnd(),
    '```',
    '',
  ].join('\n');
}

function writeMermaid(graph: SystemGraph): string {
  const out = ['flowchart LR'];
  for (const g of graph.groups) out.push(...group(g));
  for (const n of graph.loose) out.push(`  ${node(n)}`);
  for (const e of graph.edges) out.push(`  ${edge(e)}`);
  out.push(...styles(graph));
  return `${out.join('\n')}\n`;
}

function group(g: GraphGroup): string[] {
  const lines = [`  subgraph ${id(g.id)}[${quote(text(g.label))}]`];
  for (const n of g.nodes) lines.push(`    ${node(n)}`);
  lines.push('  end');
  return lines;
}

function node(n: GraphNode): string {
  switch (n.kind) {
    case 'outside':
      return `${id(n.id)}((${quote(text(n.title))}))`;
    case 'volume':
      return `${id(n.id)}[(${quote([bold(n.title), ...n.lines.map(text)].join('<br/>'))})]`;
    case 'bind':
      return `${id(n.id)}[/${quote([bold(n.title), ...n.lines.map(text)].join('<br/>'))}/]`;
    case 'workload': {
      const lines = [bold(n.title), ...n.lines.map(text), ...n.sidecars.map((s) => `sidecar ${bold(s.name)}: ${text(s.image)}`)];
      return `${id(n.id)}(${quote(lines.join('<br/>'))})`;
    }
  }
}

function edge(e: GraphEdge): string {
  const [from, to, label] = [id(e.from), id(e.to), quote(edgeText(e.label ?? ''))];
  switch (e.kind) {
    case 'publish':
      return `${from} -->|${label}| ${to}`;
    case 'depends':
      return `${from} -.->|${label}| ${to}`;
    case 'mount':
      return `${from} ---|${label}| ${to}`;
    case 'joins':
      return `${from} -.-|"joins"| ${to}`;
  }
}

/** A Mermaid id: names are DNS labels, and `--` inside an id would read as a link, so `-` becomes `_`. */
function id(graphId: string): string {
  return graphId.replace(/-/g, '_');
}

/** Edge labels are quoted strings: only the quote needs Mermaid's entity code; `8080 -> 80/tcp` stays as it is. */
function edgeText(s: string): string {
  return s.replace(/"/g, '#quot;');
}

function styles(graph: SystemGraph): string[] {
  const lines: string[] = [];
  for (const g of graph.groups) {
    lines.push(g.network.internal ? `  style ${id(g.id)} stroke:#b85450,stroke-dasharray:5 5` : `  style ${id(g.id)} stroke:#6c8ebf`);
  }
  return lines;
}

function bold(s: string): string {
  return `<b>${text(s)}</b>`;
}

/** Escapes text for a Mermaid label: Mermaid's own entity codes for the characters its parser reads. */
function text(s: string): string {
  return s.replace(/&/g, '#amp;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/"/g, '#quot;');
}

function quote(s: string): string {
  return `"${s}"`;
}
