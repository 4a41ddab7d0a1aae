import { DUMP_SCHEMA, jsToAst, present } from 'js-yaml';

/** js-yaml's `dump` options for a manifest: no line folding, strings double-quoted when quoted. */
const PRESENTER = { schema: DUMP_SCHEMA, lineWidth: -1, quoteStyle: 'double' } as const;

/**
 * One JSON document as js-yaml writes it with `PRESENTER` (block style, two-space indent, no anchors): the same
 * bytes, in about 40 % of js-yaml's time on Kubernetes objects. js-yaml builds a node per value and weighs every
 * scalar against each style and each implicit type of its schema; this writes mappings and sequences the way its
 * presenter does, writes plain the strings of `PLAIN_CANDIDATE` that no implicit type of the schema reads (and
 * double-quotes those one does, as js-yaml does), and asks js-yaml how it writes any other scalar, once per
 * value. A document this does not cover (a string with a line break, a key over 1,024 characters, a value that
 * is not JSON) is written by js-yaml whole. With `sortBelowRoot`, the keys of every mapping below the top level
 * are written in sorted order.
 */
export function blockYaml(document: unknown, sortBelowRoot = false): string {
  if (isPlainObject(document)) {
    try {
      const text = writeMapping(document, 0, true, false, sortBelowRoot);
      if (text !== '') return `${text}\n`;
    } catch (e) {
      if (e !== NOT_COVERED) throw e;
    }
  }
  return presentWhole(sortBelowRoot ? sortedBelowRoot(document) : document);
}

/** What js-yaml writes of `document`: one call of its own, with the writer's options. */
export function presentWhole(document: unknown): string {
  return present(jsToAst(document, DUMP_SCHEMA, { noRefs: true }), PRESENTER);
}

const NOT_COVERED = new Error('not covered by the block writer');

/**
 * One-line strings that js-yaml writes plain as a key or a value unless an implicit type of its schema reads them
 * (then double-quoted, with nothing to escape): a letter, digit or one of `_./;+` first (or `-` before another
 * character), then those, `=`, `,` and `-`, with a `:` or a single space only before one of them. A test holds it
 * against js-yaml's own choice.
 */
const PLAIN_CANDIDATE = /^(?:[A-Za-z0-9_./;+]|-(?=[A-Za-z0-9_./;=+,-]))(?:[A-Za-z0-9_./;=+,-]|[: ](?=[A-Za-z0-9_./;=+,-]))*$/;
const STR_TAG = DUMP_SCHEMA.defaultScalarTag.tagName;

/** Longest key js-yaml writes as a simple key (`key:`), not as an explicit `? key`. */
const SIMPLE_KEY_LENGTH = 1024;

const INDENTS: string[] = [];
function newline(level: number): string {
  return (INDENTS[level] ??= `\n${'  '.repeat(level)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/**
 * js-yaml's `writeBlockMapping`: `key: value` per line at `level`, the first on the current line when compact.
 * With `sort`, the keys in the order of an object built with them sorted (so integer keys first, as JavaScript
 * enumerates them), and so in every mapping below with `sortBelow`.
 */
function writeMapping(map: Record<string, unknown>, level: number, compact: boolean, sort: boolean, sortBelow: boolean): string {
  let keys = Object.keys(map);
  if (sort && !inOrder(keys)) keys = Object.keys(sortedCopy(map, keys));
  let out = '';
  for (const key of keys) {
    const value = map[key];
    if (value === undefined) continue;
    if (!compact || out !== '') out += newline(level);
    if (key.length > SIMPLE_KEY_LENGTH) throw NOT_COVERED;
    out += scalarText(key, keyTexts);
    const text = writeValue(value, level + 1, false, sortBelow);
    out += startsBlock(value, text) ? ':' : ': ';
    out += text;
  }
  return out;
}

/** js-yaml's `writeBlockSequence` (items inline after `- `). */
function writeSequence(items: readonly unknown[], level: number, compact: boolean, sort: boolean): string {
  let out = '';
  for (const item of items) {
    // written compact, an item's text is on the line of its `- `
    const text = writeValue(item === undefined ? null : item, level + 1, true, sort);
    if (!compact || out !== '') out += newline(level);
    out += '- ';
    out += text;
  }
  return out;
}

function writeValue(value: unknown, level: number, compact: boolean, sort: boolean): string {
  switch (typeof value) {
    case 'string':
      return scalarText(value, valueTexts);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // js-yaml's int: decimal digits, which its schema reads back as an int
      if (Number.isInteger(value) && !Object.is(value, -0) && !String(value).includes('e')) return String(value);
      return otherText(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? '[]' : writeSequence(value, level, compact, sort);
      if (isPlainObject(value)) {
        // a mapping of no pair (undefined values are left out) is written in flow style
        const text = writeMapping(value, level, compact, sort, sort);
        return text === '' ? '{}' : text;
      }
  }
  throw NOT_COVERED;
}

/**
 * Whether the text of `value`, written not compact, starts on a line of its own: a mapping or sequence with
 * something in it. Known from the value, not read from the text, which is left unflattened until the document is
 * whole (reading a character of a string built by `+=` copies it whole).
 */
function startsBlock(value: unknown, text: string): boolean {
  return typeof value === 'object' && value !== null && text !== '{}' && text !== '[]';
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return false;
  return true;
}

function sortedCopy(map: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...keys].sort()) out[key] = map[key];
  return out;
}

/** `document` with the keys of every mapping below the root sorted as the writer sorts them. */
function sortedBelowRoot(document: unknown): unknown {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (!isPlainObject(value)) return value;
    const keys = Object.keys(value);
    const out: Record<string, unknown> = {};
    for (const key of inOrder(keys) ? keys : [...keys].sort()) out[key] = sorted(value[key]);
    return out;
  };
  if (!isPlainObject(document)) return document;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(document)) out[key] = sorted(document[key]);
  return out;
}

/**
 * The texts of the strings written, by string, keys and values apart: a manifest repeats most of its keys and
 * many of its values. Emptied when full, so that a long-running process keeps no more than this many.
 */
const keyTexts = new Map<string, string>();
const valueTexts = new Map<string, string>();
const otherTexts = new Map<number, string>();
const TEXTS_KEPT = 100_000;

function scalarText(text: string, texts: Map<string, string>): string {
  let written = texts.get(text);
  if (written !== undefined) return written;
  if (PLAIN_CANDIDATE.test(text)) written = DUMP_SCHEMA.resolveImplicitScalarTag(text).tag.tagName === STR_TAG ? text : `"${text}"`;
  else if (text.includes('\n')) throw NOT_COVERED;
  else written = texts === keyTexts ? presentedKey(text) : presentedValue(text);
  if (texts.size >= TEXTS_KEPT) texts.clear();
  texts.set(text, written);
  return written;
}

function otherText(value: number): string {
  let written = otherTexts.get(value);
  if (written === undefined) otherTexts.set(value, (written = presentedValue(value)));
  return written;
}

/** How js-yaml writes a one-line scalar as a key of a block mapping: `<key>: v`. */
function presentedKey(key: string): string {
  const text = presentWhole({ [key]: 'v' });
  if (!text.endsWith(': v\n') || text.indexOf('\n') !== text.length - 1) throw NOT_COVERED;
  return text.slice(0, -4);
}

/** How js-yaml writes a one-line scalar as the value of a block mapping's key: `k: <value>`. */
function presentedValue(value: unknown): string {
  const text = presentWhole({ k: value });
  if (!text.startsWith('k: ') || text.indexOf('\n') !== text.length - 1) throw NOT_COVERED;
  return text.slice(3, -1);
}
