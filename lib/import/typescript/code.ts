/**
 * A small tree of TypeScript expressions, printed the way a person would format them: on one line when it fits,
 * otherwise one property or item per line with trailing commas.
 */
export type Code =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Code[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, Code]> }
  | { readonly kind: 'array'; readonly items: readonly Code[] };

export const raw = (text: string): Code => ({ kind: 'raw', text });
export const call = (callee: string, ...args: Code[]): Code => ({ kind: 'call', callee, args });
export const object = (entries: ReadonlyArray<readonly [string, Code | undefined]>): Code => ({
  kind: 'object',
  entries: entries.filter((e): e is readonly [string, Code] => e[1] !== undefined),
});
export const array = (items: readonly Code[]): Code => ({ kind: 'array', items });

/** A single-quoted string literal. */
export function str(value: string): Code {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`'${escaped}'`);
}

export const num = (value: number): Code => raw(String(value));

/** A record of strings, keys in the order given. */
export function strings(record: Readonly<Record<string, string>>): Code {
  return object(Object.entries(record).map(([k, v]) => [k, str(v)] as const));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k: string): string => (IDENTIFIER.test(k) ? k : (str(k) as { readonly text: string }).text);

const WIDTH = 120;

function flat(code: Code): string {
  switch (code.kind) {
    case 'raw':
      return code.text;
    case 'call':
      return `${code.callee}(${code.args.map(flat).join(', ')})`;
    case 'object':
      return code.entries.length === 0 ? '{}' : `{ ${code.entries.map(([k, v]) => `${key(k)}: ${flat(v)}`).join(', ')} }`;
    case 'array':
      return `[${code.items.map(flat).join(', ')}]`;
  }
}

/** Prints `code` starting at column `indent` (the current line's indentation). */
export function print(code: Code, indent = 0, prefix = 0): string {
  const one = flat(code);
  if (indent + prefix + one.length <= WIDTH) return one;
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  switch (code.kind) {
    case 'raw':
      return one;
    case 'object':
      return `{\n${code.entries.map(([k, v]) => `${pad}${key(k)}: ${print(v, indent + 2, key(k).length + 2)},\n`).join('')}${end}}`;
    case 'array':
      return `[\n${code.items.map((v) => `${pad}${print(v, indent + 2)},\n`).join('')}${end}]`;
    case 'call': {
      const last = code.args[code.args.length - 1];
      const head = code.args.slice(0, -1).map(flat);
      if (last && (last.kind === 'object' || last.kind === 'array')) {
        const start = `${code.callee}(${[...head, ''].join(', ')}`;
        if (indent + prefix + start.length <= WIDTH) return `${start}${print(last, indent, prefix + start.length)})`;
      }
      return `${code.callee}(\n${code.args.map((v) => `${pad}${print(v, indent + 2)},\n`).join('')}${end})`;
    }
  }
}
