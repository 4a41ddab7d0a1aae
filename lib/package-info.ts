import * as fs from 'fs';
import * as path from 'path';

/**
 * The folder of the running lading package, the one holding its package.json: a checkout of lading, or
 * `node_modules/lading` where it is installed (whose code runs from `dist-lib/lib/`).
 */
export function ladingPackageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'lading') return dir;
    if (path.dirname(dir) === dir) throw new Error(`${from}: no package.json of lading in this folder or above it. Reinstall lading.`);
  }
}

/** The version of the running lading package. */
export function ladingVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ladingPackageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
