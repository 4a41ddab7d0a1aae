import { interpolate } from './interpolate';

/**
 * The variables of a `.env` or `env_file` file: `NAME=value` lines; blank lines and `#` comments are skipped;
 * `export NAME=value` is accepted; a value in single quotes is literal, one in double quotes takes `\n`, `\"` and
 * `\\` escapes; an unquoted value ends before ` #`. A line without `=` names a variable without a value. Given
 * `outer`, an unquoted or double-quoted value is interpolated as Compose does (`TAG=${BASE}-alpine`): by the
 * file's own earlier variables, then by `outer`; an unset one becomes the empty string.
 */
export function parseDotenv(text: string, outer?: (name: string) => string | undefined): { readonly values: Record<string, string>; readonly bad: readonly number[] } {
  const values: Record<string, string> = {};
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) {
      bad.push(index + 1);
      return;
    }
    if (m[2] === undefined) return;
    const value = unquote(m[2]);
    values[m[1]] = outer === undefined || m[2].startsWith("'") ? value : interpolate(value, (name) => values[name] ?? outer(name)).value;
  });
  return { values, bad };
}

function unquote(value: string): string {
  if (value.startsWith("'")) {
    const end = value.indexOf("'", 1);
    return end > 0 ? value.slice(1, end) : value.slice(1);
  }
  if (value.startsWith('"')) {
    let out = '';
    for (let i = 1; i < value.length; i++) {
      const c = value[i];
      if (c === '"') break;
      if (c === '\\' && i + 1 < value.length) {
        const n = value[++i];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      } else out += c;
    }
    return out;
  }
  return value.replace(/\s+#.*$/, '').trim();
}
