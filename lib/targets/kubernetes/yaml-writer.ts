import { dump, type DumpOptions } from 'js-yaml';

/** How the manifest's documents are dumped: no line folding, no anchors, strings double-quoted when quoted. */
export const DUMP_OPTIONS: DumpOptions = { lineWidth: -1, noRefs: true, quoteStyle: 'double' };

/**
 * One JSON document as js-yaml's `dump(document, DUMP_OPTIONS)` writes it, byte for byte, in a fraction of the
 * time: a manifest's documents are block mappings and sequences of names, numbers and short words, which are
 * written here; a document with anything else (a string of several lines or beyond printable ASCII, say) is left
 * to js-yaml whole.
 */
export function writeDocument(document: unknown): string {
  const out: Output = { text: '' };
  if (isNonEmpty(document) && writeBlock(document, 0, '', out)) return out.text;
  return dump(document, DUMP_OPTIONS);
}

/**
 * Names, paths, image references, command lines: a letter first, then words of letters, digits and `._/;=,-`
 * one space apart, a `:` only inside a word. YAML reads them as strings, and js-yaml writes them plain.
 */
const PLAIN_TEXT = /^[A-Za-z][\w./;=,-]*(?::[\w./;=,-]+)*(?: [\w./;=,-]+(?::[\w./;=,-]+)*)*$/;
/** Short enough to be a YAML 1.1 boolean or null (`yes`, `On`, `NULL`): js-yaml decides. */
const SHORT_WORD = 5;
/** Digits only: YAML reads an integer, so js-yaml quotes the string. */
const DIGITS = /^[0-9]+$/;
/** One line of printable ASCII: js-yaml writes it plain or double-quoted, the same wherever it stands. */
const QUOTABLE = /^[\x20-\x7e]*$/;
const MAX_SCALAR = 256;
/** Scalars remembered, at most: a manifest of 1,000 services has about 1,400 that js-yaml decides. */
const MAX_REMEMBERED = 20_000;

/** Strings (and numbers) as js-yaml writes them in block context, or null when only js-yaml may write them. */
const scalars = new Map<string | number, string | null>();

function writeScalar(value: unknown): string | null {
  if (typeof value === 'string') {
    if (value.length <= MAX_SCALAR) {
      if ((value.length > SHORT_WORD || value.includes(' ')) && PLAIN_TEXT.test(value)) return value;
      if (DIGITS.test(value)) return `"${value}"`;
    }
    return scalarOf(value);
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
    // -0 is remembered as 0 (a Map key): js-yaml writes it
    return Object.is(value, -0) ? null : scalarOf(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  return null;
}

/**
 * js-yaml's own choice for one scalar, written alone: plain or double-quoted is the same anywhere in a block
 * collection for a one-line string of printable ASCII that does not start a document marker (`---`, `...`).
 */
function scalarOf(value: string | number): string | null {
  const known = scalars.get(value);
  if (known !== undefined) return known;
  let written: string | null = null;
  if (typeof value === 'number') {
    const text = dump(value, DUMP_OPTIONS).slice(0, -1);
    if (!text.includes('\n')) written = text;
  } else if (value.length <= MAX_SCALAR && QUOTABLE.test(value) && !value.startsWith('---') && !value.startsWith('...')) {
    const text = dump(value, DUMP_OPTIONS).slice(0, -1);
    if (!text.includes('\n') && (text === value || text.startsWith('"'))) written = text;
  }
  if (scalars.size >= MAX_REMEMBERED) scalars.clear();
  scalars.set(value, written);
  return written;
}

/** What is written so far; a document is given up on as soon as one of its scalars is for js-yaml alone. */
interface Output {
  text: string;
}

/** Indents by depth: `PADS[n]` is n spaces. */
const PADS: string[] = [''];

function padOf(indent: number): string {
  while (PADS.length <= indent) PADS.push(' '.repeat(PADS.length));
  return PADS[indent];
}

/**
 * Writes a non-empty mapping or sequence at `indent`, its first line starting with `first` (a sequence item's
 * `- `) instead of the indent. False when some scalar is one only js-yaml may write.
 */
function writeBlock(value: Record<string, unknown> | unknown[], indent: number, first: string, out: Output): boolean {
  const pad = padOf(indent);
  let lead = first || pad;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!writeEntry(lead + '-', true, item, indent + 2, out)) return false;
      lead = pad;
    }
    return true;
  }
  for (const key in value) {
    const written = key.length > MAX_SCALAR ? null : writeScalar(key);
    if (written === null || !writeEntry(lead + written + ':', false, value[key], indent + 2, out)) return false;
    lead = pad;
  }
  return true;
}

/** One `key:` or `-` and its value: a scalar or empty collection on the same line, a block below or beside it. */
function writeEntry(head: string, item: boolean, value: unknown, inner: number, out: Output): boolean {
  if (isNonEmpty(value)) {
    if (item) return writeBlock(value, inner, head + ' ', out);
    out.text += head + '\n';
    return writeBlock(value, inner, '', out);
  }
  const written = Array.isArray(value) ? '[]' : isPlainObject(value) ? '{}' : writeScalar(value);
  if (written === null) return false;
  out.text += head + ' ' + written + '\n';
  return true;
}

/** A mapping or sequence with something in it: written as a block. */
function isNonEmpty(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return value.length > 0;
  if (!isPlainObject(value)) return false;
  for (const _ in value) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
