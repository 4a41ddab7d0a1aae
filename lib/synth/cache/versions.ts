import * as fs from 'fs';
import * as path from 'path';
import { ladingVersion } from '../../package-info';
import { hashProjectFiles } from './project-files';

/** The libraries whose installed versions are part of every render key (@viz-js/viz lays out the graphs). */
const LIBRARIES = ['aws-cdk-lib', 'cdk8s', 'cdk8s-plus-27', 'constructs', 'yaml', '@viz-js/viz'] as const;

/** What a render depends on besides its app: lading (its version and its own code) and the libraries it renders with. */
export interface RenderVersions {
  readonly lading: string;
  /** A hash of lading's own code (lib/), so that a changed lading never reuses output of the old one. */
  readonly code: string;
  readonly node: string;
  readonly libraries: Readonly<Record<string, string>>;
}

let current: RenderVersions | undefined;

/** The versions of this process, read once. */
export function renderVersions(): RenderVersions {
  current ??= {
    lading: ladingVersion(),
    code: hashProjectFiles(path.resolve(__dirname, '..', '..'), ['.']),
    node: process.version,
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, libraryVersion(name)])),
  };
  return current;
}

/** The version in a library's package.json, found from its main module when the package does not export the file. */
function libraryVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // the package's exports leave package.json out: read the one above its main module
  }
  try {
    for (let dir = path.dirname(require.resolve(name)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      const pkg = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string }) : undefined;
      if (pkg?.name === name && pkg.version) return pkg.version;
    }
  } catch {
    // not installed
  }
  return 'not installed';
}
