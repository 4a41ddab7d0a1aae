import { dump, type Node, visit } from 'js-yaml';
import type { StackValue } from './document';

/**
 * `docker stack deploy` interpolates `$` in every value, and lading wants none: every `$` of a literal is
 * written `$$`. Undefined values are dropped.
 */
function toPlain(value: StackValue | undefined): unknown {
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$');
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return value;
}

const keyOf = (node: Node): string => (node.kind === 'scalar' ? node.value : '');

/** Map keys in code-unit order (a JS object would put integer-like keys first). */
function arrange(node: Node): void {
  if (node.kind !== 'mapping') return;
  node.items.sort((a, b) => {
    const x = keyOf(a.key);
    const y = keyOf(b.key);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * Serializes a stack tree to YAML, deterministically: map keys sorted, list order kept, no line folding, every
 * string that YAML 1.1 would read as something else quoted (`"no"`, `"0.5"`).
 */
export function renderStackYaml(tree: StackValue): string {
  return dump(toPlain(tree), { lineWidth: -1, noRefs: true, quoteStyle: 'double', transform: (documents) => visit(documents, arrange) });
}
