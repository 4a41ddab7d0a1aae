/**
 * A problem with the output folder that the user can fix: one line, `<folder>: <problem> (got <value>). <fix>`,
 * printed without a stack trace.
 */
export class OutputError extends Error {
  public readonly isOutputError = true;

  constructor(public readonly line: string) {
    super(line);
    this.name = 'OutputError';
  }

  static is(e: unknown): e is OutputError {
    return typeof e === 'object' && e !== null && (e as { isOutputError?: unknown }).isOutputError === true;
  }
}

/** What a file-system error code means to a user, for the errors a user can cause. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something else already exists there',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path runs through a loop of symbolic links',
  EMFILE: 'too many files are open',
  EIO: 'the device reported an input/output error',
  EBUSY: 'it is in use',
};

/** True for errors thrown by Node's fs functions. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  // duck-typed: an error made in another realm (a vm context, as under jest) is no `instanceof Error` here
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** One line for a file-system error on `file`: what failed, why, and what to do. */
export function fsErrorLine(file: string, e: NodeJS.ErrnoException, fix: string): string {
  const reason = REASONS[e.code ?? ''] ?? (e.message.split('\n')[0] ?? String(e.code));
  return `${file}: cannot ${verb(e.syscall)} (got ${e.code}: ${reason}). ${fix.replace(/\.$/, '')}.`;
}

function verb(syscall: string | undefined): string {
  switch (syscall) {
    case 'mkdir':
      return 'create a folder there';
    case 'open':
    case 'write':
    case 'copyfile':
      return 'write there';
    case 'rename':
    case 'symlink':
    case 'unlink':
    case 'rmdir':
      return 'change it';
    default:
      return 'use it';
  }
}
