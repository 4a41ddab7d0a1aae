import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ImportContext } from './context';

/**
 * A host path of the file (relative to the file's folder, absolute, or `~/...`) as the model writes it: relative
 * to the project root with `./` or `../`, or absolute when it was written absolute.
 */
export function hostPath(ctx: ImportContext, written: string): string {
  if (written === '~' || written.startsWith('~/')) return path.join(ctx.lookup('HOME') ?? os.homedir(), written.slice(1));
  if (path.isAbsolute(written)) return written;
  const rel = toPosix(path.relative(ctx.projectRoot, path.resolve(ctx.fileDir, written)));
  if (rel === '') return '.';
  return rel.startsWith('../') || rel === '..' ? rel : `./${rel}`;
}

/** A build context as the model writes it: relative to the project root, without `./`. */
export function contextPath(ctx: ImportContext, written: string): string {
  const rel = toPosix(path.relative(ctx.projectRoot, path.resolve(ctx.fileDir, written)));
  return rel === '' ? '.' : rel;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Bytes in Docker's notation with the largest unit that divides them: `64m`, `1g`, `1000`. */
export function bytesText(bytes: number): string {
  for (const [size, unit] of [[1024 ** 3, 'g'], [1024 ** 2, 'm'], [1024, 'k']] as const) if (bytes % size === 0) return `${bytes / size}${unit}`;
  return String(bytes);
}

/**
 * Whether a file that the Compose file names (an `env_file`, an `extends.file`) lies outside the folder of the
 * Compose file, symbolic links followed, so that it may be read only when asked for.
 */
export function outsideFileDir(ctx: ImportContext, abs: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = path.relative(real(ctx.fileDir), real(abs));
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}
