import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node as YamlNode, Scalar } from 'yaml';

/**
 * A YAML tree that remembers the line of every node, so that every diagnostic can say where in the file the
 * value was written. Anchors, aliases and merge keys (`<<: *common`) are resolved; keys keep their order.
 */
export type Located = LocatedMap | LocatedSeq | LocatedScalar;

export interface LocatedMap {
  readonly kind: 'map';
  readonly line: number;
  readonly entries: ReadonlyMap<string, LocatedEntry>;
}

export interface LocatedEntry {
  /** The line of the key. */
  readonly line: number;
  readonly value: Located;
}

export interface LocatedSeq {
  readonly kind: 'seq';
  readonly line: number;
  readonly items: readonly Located[];
}

export interface LocatedScalar {
  readonly kind: 'scalar';
  readonly line: number;
  readonly value: string | number | boolean | null;
  /** A number as written (`1.0`, `0755`), where it was written plain. */
  readonly text?: string;
}

/** Thrown for a node that cannot be turned into a located tree (a complex key); caught by the parser. */
export class LocatedError extends Error {
  constructor(public readonly line: number, message: string) {
    super(message);
  }
}

export function toLocated(doc: Document, counter: LineCounter, node: unknown, depth = 0): Located {
  const lineOf = (n: { range?: [number, number, number] | null } | null | undefined): number => (n?.range ? counter.linePos(n.range[0]).line : 0);
  if (depth > 64) throw new LocatedError(0, 'nesting is too deep (a recursive alias?)');
  if (node === null || node === undefined) return { kind: 'scalar', line: 0, value: null };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const resolved = toLocated(doc, counter, target, depth + 1);
    return { ...resolved, line: lineOf(node as YamlNode) || resolved.line };
  }
  if (isScalar(node)) {
    const v = (node as Scalar).value;
    const value = typeof v === 'bigint' ? Number(v) : v === undefined ? null : (v as string | number | boolean | null);
    const source = (node as Scalar & { source?: unknown }).source;
    const text = typeof value === 'number' && typeof source === 'string' && source !== String(value) ? { text: source } : {};
    return { kind: 'scalar', line: lineOf(node as YamlNode), value, ...text };
  }
  if (isSeq(node)) {
    return { kind: 'seq', line: lineOf(node as YamlNode), items: node.items.map((i) => toLocated(doc, counter, i, depth + 1)) };
  }
  if (isMap(node)) {
    const entries = new Map<string, LocatedEntry>();
    const merged = new Map<string, LocatedEntry>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const line = lineOf(keyNode) || lineOf(pair.value as YamlNode);
      if (!isScalar(keyNode)) throw new LocatedError(line, 'a key must be a plain string');
      const key = String(keyNode.value);
      if (key === '<<') {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const m = toLocated(doc, counter, source, depth + 1);
          if (m.kind !== 'map') throw new LocatedError(line, 'a merge key (<<) must refer to a mapping');
          for (const [k, e] of m.entries) if (!merged.has(k)) merged.set(k, e);
        }
        continue;
      }
      entries.set(key, { line, value: toLocated(doc, counter, pair.value, depth + 1) });
    }
    for (const [k, e] of merged) if (!entries.has(k)) entries.set(k, e);
    return { kind: 'map', line: lineOf(node as YamlNode), entries };
  }
  throw new LocatedError(0, 'unexpected YAML node');
}

/** A short rendering of a value for messages: `80`, `"abc"`, `a list`, `a mapping`. */
export function describe(node: Located): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  return node.value === null ? 'nothing' : JSON.stringify(node.value);
}
