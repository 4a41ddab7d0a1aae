import { createHash } from 'crypto';
import * as fs from 'fs';
import * as nodePath from 'path';
import type { ConfigFileEntrySpec } from './config-file-spec';
import { ModelError } from './errors';

/** A folder delivered as config files holds at most this many files: more is a volume's job. */
const MAX_FOLDER_FILES = 100;

/** One file's bytes as the spec carries them. */
export function entryOf(name: string, bytes: Buffer): ConfigFileEntrySpec {
  return {
    name,
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
    text: isText(bytes),
  };
}

/** Valid UTF-8 without NUL: what a Kubernetes ConfigMap may carry under `data`. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

/**
 * Reads a project file, or every file under a project folder, relative to `root`. Throws a ModelError located
 * at `path file` when it is missing, outside the project, or a folder too large to be config.
 */
export function readProjectFiles(path: string, root: string, written: string): { kind: 'file' | 'folder'; projectPath: string; files: ConfigFileEntrySpec[] } {
  const projectPath = written.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const abs = nodePath.resolve(root, projectPath);
  const rel = nodePath.relative(root, abs);
  if (projectPath === '' || nodePath.isAbsolute(written) || rel.startsWith('..') || nodePath.isAbsolute(rel)) {
    throw new ModelError(path, 'file', 'must be a file or folder inside the project, relative to the project root', written, "Write e.g. 'apps/proxy/nginx.conf'");
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new ModelError(path, 'file', `no such file or folder in the project (${root})`, written, 'Check the path: it is relative to the project root, where lading runs');
  }
  if (stat.isFile()) return { kind: 'file', projectPath, files: [entryOf(nodePath.basename(abs), fs.readFileSync(abs))] };
  if (!stat.isDirectory()) throw new ModelError(path, 'file', 'must be a regular file or a folder', written, 'Point it at a file or a folder of files');
  const names = listFiles(abs, '');
  if (names.length === 0) throw new ModelError(path, 'file', 'the folder holds no file', written, 'Add the files, or point it at a file');
  if (names.length > MAX_FOLDER_FILES) {
    throw new ModelError(path, 'file', `a config folder holds at most ${MAX_FOLDER_FILES} files (got ${names.length} in ${projectPath})`, written, 'Mount the folder with Mount.bind, or ship the files in the image');
  }
  return { kind: 'folder', projectPath, files: names.map((n) => entryOf(n, fs.readFileSync(nodePath.join(abs, n)))) };
}

/** Files under a folder, POSIX paths relative to it, sorted; symbolic links are followed. */
function listFiles(abs: string, prefix: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(abs).sort()) {
    const full = nodePath.join(abs, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) out.push(...listFiles(full, rel));
    else if (stat.isFile()) out.push(rel);
  }
  return out.sort();
}
