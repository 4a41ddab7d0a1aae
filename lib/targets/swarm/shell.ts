/** A word for `sh`, quoted only when it needs to be: `apps/devbox`, `'a b'`, `'it'\''s'`. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
