import { Document, Scalar } from 'yaml';
import { Interpolation, type ComposeValue } from './document';

/** Keys whose items are port strings, written double-quoted as Compose's documentation writes them. */
const PORT_KEYS = new Set(['ports', 'expose']);

/**
 * Escapes `$` in every literal, so Compose interpolates nothing but what lading marked as an `Interpolation`;
 * string items under a port key become double-quoted scalars (in one pass, rather than a second walk over the
 * YAML document).
 */
function toPlain(value: ComposeValue | undefined, quoted = false): unknown {
  if (value instanceof Interpolation) return value.text;
  if (typeof value === 'string') {
    const escaped = value.includes('$') ? value.replace(/\$/g, '$$$$') : value;
    if (!quoted) return escaped;
    const scalar = new Scalar(escaped);
    scalar.type = 'QUOTE_DOUBLE';
    return scalar;
  }
  if (Array.isArray(value)) return value.map((v) => toPlain(v, quoted));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v, PORT_KEYS.has(k) && Array.isArray(v));
    return out;
  }
  return value;
}

/**
 * Serializes a compose tree to YAML, deterministically: map keys sorted, list order kept. Strings are quoted
 * wherever YAML 1.1 (read by older Compose) would take them for something else: `restart: "no"`, `"on"`.
 */
export function renderYaml(tree: ComposeValue): string {
  const doc = new Document(toPlain(tree), { version: '1.1', sortMapEntries: true, aliasDuplicateObjects: false });
  return doc.toString({ lineWidth: 0 });
}
