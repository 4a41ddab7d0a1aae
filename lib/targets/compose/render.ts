import { Document, isScalar, isSeq, visit } from 'yaml';
import { Interpolation, type ComposeValue } from './document';

/** Escapes `$` in every literal, so Compose interpolates nothing but what lading marked as an `Interpolation`. */
function toPlain(value: ComposeValue | undefined): unknown {
  if (value instanceof Interpolation) return value.text;
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$');
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Keys whose items are port strings, written double-quoted as Compose's documentation writes them. */
const PORT_KEYS = new Set(['ports', 'expose']);

/**
 * Serializes a compose tree to YAML, deterministically: map keys sorted, list order kept. Strings are quoted
 * wherever YAML 1.1 (read by older Compose) would take them for something else: `restart: "no"`, `"on"`.
 */
export function renderYaml(tree: ComposeValue): string {
  const doc = new Document(toPlain(tree), { version: '1.1', sortMapEntries: true });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && PORT_KEYS.has(String(pair.key.value)) && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isScalar(item)) item.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}
