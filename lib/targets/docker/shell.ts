/**
 * Shell words and commands for a POSIX `sh` script. A word is either a literal, quoted where it needs to be,
 * or shell text that is already quoted (a reference to a variable such as `"$root"` followed by a literal).
 */
export type Word = string | ShellText;

/** Shell text written as is: it must already be safely quoted. */
export interface ShellText {
  readonly shell: string;
}

/** Characters that mean nothing to `sh` anywhere in a word. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes a literal for `sh`: as is when every character is safe; else in single quotes; a word holding a single
 * quote goes in double quotes with `\`, `"`, `$` and backquote escaped: `"it's"`.
 */
export function quote(word: string): string {
  if (SAFE.test(word)) return word;
  if (!word.includes("'")) return `'${word}'`;
  return `"${word.replace(/[\\"$`]/g, '\\$&')}"`;
}

/** The text of a word in a script. */
function wordText(word: Word): string {
  return typeof word === 'string' ? quote(word) : word.shell;
}

/** A word made of a variable's value followed by a literal: `"$root"/apps/devbox`. */
export function variableThen(variable: string, literal: string): ShellText {
  return { shell: `"$${variable}"${literal === '' ? '' : quote(literal)}` };
}

/**
 * One command: environment assignments that reach only this command, and its words in groups, one group per
 * line (a flag with its value), joined by ` \` continuations.
 */
export interface Command {
  /** `NAME="$VAR"` assignments written before the command, so a value never appears in the script or in argv. */
  readonly assignments?: readonly ShellText[];
  readonly lines: readonly (readonly Word[])[];
  /** A redirection written after the last word: `>/dev/null`. */
  readonly redirect?: string;
}

/** A command as script text, continuation lines indented by two spaces more than `indent`. */
export function commandText(command: Command, indent: string): string {
  const head = (command.assignments ?? []).map((a) => `${a.shell} `).join('');
  const lines = command.lines.filter((l) => l.length > 0).map((l) => l.map(wordText).join(' '));
  const redirect = command.redirect ? ` ${command.redirect}` : '';
  return `${indent}${head}${lines.join(` \\\n${indent}  `)}${redirect}`;
}
