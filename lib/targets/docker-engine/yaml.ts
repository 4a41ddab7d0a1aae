import { dump, type Node, SCALAR_STYLE_DOUBLE_QUOTED, visit } from 'js-yaml';
import { Interpolation, type EngineValue } from './document';

/** Keys whose items are port strings, written double-quoted as Compose's documentation writes them. */
const PORT_KEYS = new Set(['ports', 'expose']);

/**
 * Escapes `$` in every literal, so the engine interpolates nothing but what lading marked as an `Interpolation`,
 * and drops undefined values.
 */
function toPlain(value: EngineValue | undefined): unknown {
  if (value instanceof Interpolation) return value.text;
  if (typeof value === 'string') return value.includes('$') ? value.replace(/\$/g, '$$$$') : value;
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return value;
}

const keyOf = (node: Node): string => (node.kind === 'scalar' ? node.value : '');

/**
 * Map keys in code-unit order (a JS object would put integer-like keys first); port strings double-quoted (a
 * stack file's ports are maps, which this leaves alone).
 */
function arrange(node: Node): void {
  if (node.kind !== 'mapping') return;
  node.items.sort((a, b) => {
    const x = keyOf(a.key);
    const y = keyOf(b.key);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const { key, value } of node.items) {
    if (value.kind !== 'sequence' || !PORT_KEYS.has(keyOf(key))) continue;
    for (const item of value.items) if (item.kind === 'scalar') item.style = SCALAR_STYLE_DOUBLE_QUOTED;
  }
}

/**
 * Serializes a compose or stack tree to YAML, deterministically: map keys sorted, list order kept, no line
 * folding. js-yaml's dump schema quotes every string that YAML 1.1 or 1.2 would read as something else
 * (`restart: "no"`, `"on"`, `"22:22"`, `"0755"`, `"0.5"`), so older parsers read the same values.
 */
export function renderYaml(tree: EngineValue): string {
  return dumpYaml(toPlain(tree));
}

/** The serialization alone, of a plain tree whose `$` are already escaped (the benchmark's floor uses it too). */
export function dumpYaml(plain: unknown): string {
  return dump(plain, { lineWidth: -1, noRefs: true, quoteStyle: 'double', transform: (documents) => visit(documents, arrange) });
}
