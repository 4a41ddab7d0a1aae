/** What went wrong while interpolating one value. */
export type InterpolationProblem =
  | { readonly kind: 'unset'; readonly name: string }
  | { readonly kind: 'required'; readonly name: string; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string };

export interface Interpolated {
  readonly value: string;
  readonly problems: readonly InterpolationProblem[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Compose's interpolation of one string: `$$` is a literal `$`; `$NAME` and `${NAME}` are replaced by the
 * variable's value; `${NAME:-default}` / `${NAME-default}` give a default when unset or empty / unset;
 * `${NAME:?error}` / `${NAME?error}` require the variable; `${NAME:+alt}` / `${NAME+alt}` replace a set one.
 * Defaults may nest: `${A:-${B}}`. An unset variable without a default becomes the empty string.
 */
export function interpolate(text: string, lookup: (name: string) => string | undefined): Interpolated {
  const problems: InterpolationProblem[] = [];
  const value = expand(text, lookup, problems);
  return { value, problems };
}

function expand(text: string, lookup: (name: string) => string | undefined, problems: InterpolationProblem[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) {
        problems.push({ kind: 'invalid', message: `unclosed \${ in ${JSON.stringify(text)}` });
        return out + text.slice(i);
      }
      out += braced(text.slice(i + 2, close), lookup, problems);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) {
      problems.push({ kind: 'invalid', message: `a lone $ in ${JSON.stringify(text)}: write $$ for a literal $` });
      out += '$';
      i++;
      continue;
    }
    out += variable(m[0], lookup, problems);
    i += 1 + m[0].length;
  }
  return out;
}

/** The index of the `}` that closes the `{` at `open`, counting nested `${...}`; -1 when unclosed. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '$' && text[j + 1] === '$') {
      j++;
      continue;
    }
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function variable(name: string, lookup: (name: string) => string | undefined, problems: InterpolationProblem[]): string {
  const v = lookup(name);
  if (v === undefined) {
    problems.push({ kind: 'unset', name });
    return '';
  }
  return v;
}

function braced(body: string, lookup: (name: string) => string | undefined, problems: InterpolationProblem[]): string {
  const m = NAME.exec(body);
  if (!m) {
    problems.push({ kind: 'invalid', message: `\${${body}} does not start with a variable name` });
    return '';
  }
  const name = m[0];
  const rest = body.slice(name.length);
  if (rest === '') return variable(name, lookup, problems);
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) {
    problems.push({ kind: 'invalid', message: `\${${body}}: expected :-, -, :?, ?, :+ or + after ${name}` });
    return '';
  }
  const arg = rest.slice(op.length);
  const v = lookup(name);
  const unsetOrEmpty = v === undefined || (op.startsWith(':') && v === '');
  switch (op) {
    case ':-':
    case '-':
      return unsetOrEmpty ? expand(arg, lookup, problems) : (v as string);
    case ':?':
    case '?':
      if (unsetOrEmpty) {
        problems.push({ kind: 'required', name, message: expand(arg, lookup, []) || `${name} is required` });
        return '';
      }
      return v as string;
    default:
      return unsetOrEmpty ? '' : expand(arg, lookup, problems);
  }
}

/** `${NAME:?message}` or `${NAME?message}` as a whole value: a value the deploying host must supply. */
export function requiredReference(text: string): { readonly name: string; readonly message: string } | undefined {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?\?([^{}$]*)\}$/.exec(text);
  return m ? { name: m[1], message: m[2] } : undefined;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` or `${NAME-default}` as a whole value: the variable it reads. */
export function variableReference(text: string): string | undefined {
  const m = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^{}$]*)?\})$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}
