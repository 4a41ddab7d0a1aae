import { posix } from 'node:path';
import { isAbsolutePath } from '../docker-engine/paths';
import { quote, variableThen, type Word } from './shell';

/** The shell variable that holds the project root, set at the top of a script that needs it. */
export const ROOT_VARIABLE = 'root';

/**
 * A path relative to the project root (`./src`, `apps/devbox`, `.`) as an absolute path at run time:
 * `"$root"/apps/devbox`. `docker run -v` takes only absolute host paths. Absolute paths are kept as written.
 */
export function fromProjectRoot(path: string): Word {
  if (isAbsolutePath(path)) return path;
  const normalized = posix.normalize(path);
  return variableThen(ROOT_VARIABLE, normalized === '.' ? '' : `/${normalized.replace(/^\.\//, '')}`);
}

/** Appends a literal to a word: `"$root"/src` + `:/app` -> `"$root"/src:/app`. */
export function wordThen(word: Word, literal: string): Word {
  if (typeof word === 'string') return `${word}${literal}`;
  return { shell: `${word.shell}${literal === '' ? '' : quote(literal)}` };
}
