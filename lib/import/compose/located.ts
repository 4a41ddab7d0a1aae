import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node as YamlNode, Scalar, YAMLMap } from 'yaml';

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

/** At most this many values are built from aliases (`*name`, `<<: *name`) in one file, counted as expanded. */
const MAX_ALIAS_VALUES = 200_000;

/** Thrown for a node that cannot be turned into a located tree (a complex key, too many aliased values). */
export class LocatedError extends Error {
  constructor(public readonly line: number, message: string, public readonly tooLarge = false) {
    super(message);
  }
}

/**
 * Builds the located tree of a parsed document. Each YAML node is built once: an alias shares the tree of its
 * anchor, so a file cannot make the builder expand it exponentially, and the values an alias stands for are
 * counted as expanded, so that a file whose aliases expand past `maxAliasValues` is refused, not built.
 */
export function toLocated(doc: Document, counter: LineCounter, node: unknown, maxAliasValues = MAX_ALIAS_VALUES): Located {
  return new LocatedBuilder(doc, counter, maxAliasValues).build(node, 0);
}

class LocatedBuilder {
  private readonly built = new Map<unknown, Located>();
  /** The number of values under each built node, itself included. */
  private readonly sizes = new WeakMap<Located, number>();
  private aliased = 0;

  constructor(private readonly doc: Document, private readonly counter: LineCounter, private readonly maxAliasValues: number) {}

  build(node: unknown, depth: number): Located {
    if (depth > 64) throw new LocatedError(0, 'nesting is too deep (a recursive alias?)');
    if (node === null || node === undefined) return this.sized({ kind: 'scalar', line: 0, value: null }, 1);
    const known = this.built.get(node);
    if (known) return known;
    const made = this.make(node, depth);
    this.built.set(node, made);
    return made;
  }

  private make(node: unknown, depth: number): Located {
    if (isAlias(node)) {
      const resolved = this.build(node.resolve(this.doc), depth + 1);
      const size = this.size(resolved);
      this.aliased += size;
      if (this.aliased > this.maxAliasValues) {
        throw new LocatedError(
          this.lineOf(node as YamlNode),
          `aliases expand to more than ${this.maxAliasValues} values (got ${this.aliased} by alias *${node.source}). Write the values out, or use fewer levels of aliases.`,
          true,
        );
      }
      return this.sized({ ...resolved, line: this.lineOf(node as YamlNode) || resolved.line }, size);
    }
    if (isScalar(node)) {
      const v = (node as Scalar).value;
      const value = typeof v === 'bigint' ? Number(v) : v === undefined ? null : (v as string | number | boolean | null);
      const source = (node as Scalar & { source?: unknown }).source;
      const text = typeof value === 'number' && typeof source === 'string' && source !== String(value) ? { text: source } : {};
      return this.sized({ kind: 'scalar', line: this.lineOf(node as YamlNode), value, ...text }, 1);
    }
    if (isSeq(node)) {
      const items = node.items.map((i) => this.build(i, depth + 1));
      return this.sized({ kind: 'seq', line: this.lineOf(node as YamlNode), items }, 1 + items.reduce((n, i) => n + this.size(i), 0));
    }
    if (isMap(node)) return this.map(node, depth);
    throw new LocatedError(0, 'unexpected YAML node');
  }

  private map(node: YAMLMap, depth: number): Located {
    const entries = new Map<string, LocatedEntry>();
    const merged = new Map<string, LocatedEntry>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const line = this.lineOf(keyNode) || this.lineOf(pair.value as YamlNode);
      if (!isScalar(keyNode)) throw new LocatedError(line, 'a key must be a plain string');
      const key = String(keyNode.value);
      if (key === '<<') {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const m = this.build(source, depth + 1);
          if (m.kind !== 'map') throw new LocatedError(line, 'a merge key (<<) must refer to a mapping');
          for (const [k, e] of m.entries) if (!merged.has(k)) merged.set(k, e);
        }
        continue;
      }
      entries.set(key, { line, value: this.build(pair.value, depth + 1) });
    }
    for (const [k, e] of merged) if (!entries.has(k)) entries.set(k, e);
    let size = 1;
    for (const e of entries.values()) size += this.size(e.value);
    return this.sized({ kind: 'map', line: this.lineOf(node as YamlNode), entries }, size);
  }

  private lineOf(n: { range?: [number, number, number] | null } | null | undefined): number {
    return n?.range ? this.counter.linePos(n.range[0]).line : 0;
  }

  private sized(located: Located, size: number): Located {
    this.sizes.set(located, size);
    return located;
  }

  private size(located: Located): number {
    return this.sizes.get(located) ?? 1;
  }
}

/** A short rendering of a value for messages: `80`, `"abc"`, `a list`, `a mapping`. */
export function describe(node: Located): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  return node.value === null ? 'nothing' : JSON.stringify(node.value);
}
