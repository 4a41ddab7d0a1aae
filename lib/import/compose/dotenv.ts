/**
 * The variables of a `.env` or `env_file` file: `NAME=value` lines; blank lines and `#` comments are skipped;
 * `export NAME=value` is accepted; a value in single quotes is literal, one in double quotes takes `\n`, `\"` and
 * `\\` escapes; an unquoted value ends before ` #`. A line without `=` names a variable without a value.
 */
export function parseDotenv(text: string): { readonly values: Record<string, string>; readonly bad: readonly number[] } {
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
    values[m[1]] = unquote(m[2]);
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
