import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import { fail, type ImportContext } from './context';

/** The largest file the import reads: a Compose file, `.env`, an `env_file` or a file that `extends` names. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** What the common reasons a file cannot be read mean, in words. */
const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of its path is not a folder',
};

/** Where a file read by the import is named, for its one error line. */
export interface InputRef {
  /** The file as messages name it. */
  readonly display: string;
  /** The key that names the file (`services.web.env_file`); empty for the Compose file itself. */
  readonly keyPath: string;
  readonly line: number;
}

/**
 * Reads a file of the import as UTF-8 text, refusing with one line a file larger than `MAX_INPUT_BYTES` (read no
 * further than that, so a device or a pipe that never ends is refused too) and one that is not UTF-8, naming the
 * offset of the first byte that is not.
 */
export function readInput(ctx: Pick<ImportContext, 'file'>, file: string, ref: InputRef): string {
  let bytes: Buffer | undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size <= MAX_INPUT_BYTES) bytes = readBounded(file, MAX_INPUT_BYTES + 1);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // a file the Compose file names is found from the Compose file's folder
    const from = ref.keyPath !== '' && code === 'ENOENT' ? ', relative to the folder of the Compose file' : '';
    const why = code !== undefined && code in READ_ERRORS ? `${READ_ERRORS[code]}${from}` : (code ?? (e as Error).message);
    return fail(ctx, ref.keyPath, ref.line, `cannot read ${ref.display} (${why})`);
  }
  return bytes ? decodeInput(ctx, bytes, ref) : tooLarge(ctx, ref);
}

/** Checks bytes already in memory as `readInput` checks a file's. */
function decodeInput(ctx: Pick<ImportContext, 'file'>, bytes: Buffer, ref: InputRef): string {
  if (bytes.length > MAX_INPUT_BYTES) tooLarge(ctx, ref);
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    fail(
      ctx,
      ref.keyPath,
      ref.line,
      `${ref.display} is not UTF-8 text (got byte 0x${bytes[offset].toString(16).padStart(2, '0')} at offset ${offset}). Save the file as UTF-8.`,
      'import/not-utf8',
    );
  }
  return bytes.toString('utf8');
}

function tooLarge(ctx: Pick<ImportContext, 'file'>, ref: InputRef): never {
  return fail(
    ctx,
    ref.keyPath,
    ref.line,
    `${ref.display} is larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB the import reads (got more than ${MAX_INPUT_BYTES} bytes). Split the file, or leave out what it does not need.`,
    'import/too-large',
  );
}

/** At most `limit` bytes of a file. */
function readBounded(file: string, limit: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      // the second byte's range rules out overlong forms, surrogates and code points past U+10FFFF
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (i + 1 >= bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
      for (let k = 2; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
