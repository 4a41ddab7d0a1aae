import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The folder of the render cache: `LADING_CACHE=<dir>` chooses one and `LADING_CACHE=0` turns the cache off
 * (undefined); otherwise `node_modules/.cache/lading` beside the compile cache of bin/register.js (that of the
 * project lading is installed in, or of a checkout of lading), else a folder of the user's own in the system's
 * temporary folder. Only a writable folder owned by this user is used: nobody else can plant output in it.
 */
export function renderCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.LADING_CACHE;
  if (chosen === '0') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const candidates = chosen
    ? [path.resolve(chosen)]
    : [path.join(nodeModules(), '.cache', 'lading'), path.join(os.tmpdir(), `lading-cache-${uid ?? 'user'}`)];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.accessSync(dir, fs.constants.W_OK);
      if (uid !== undefined && fs.statSync(dir).uid !== uid) continue;
      return dir;
    } catch {
      // not writable: try the next one
    }
  }
  return undefined;
}

/** The node_modules lading is installed in, or, in a checkout of lading, the checkout's. */
function nodeModules(): string {
  const parts = __dirname.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return at >= 0 ? parts.slice(0, at + 1).join(path.sep) : path.join(__dirname, '..', '..', '..', 'node_modules');
}
