import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ladingVersion } from '../../package-info';

/** The libraries whose installed versions are part of every render key. */
const LIBRARIES = ['aws-cdk-lib', 'cdk8s', 'cdk8s-plus-27', 'constructs', 'yaml'] as const;

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
    code: hashCode(path.resolve(__dirname, '..', '..')),
    node: process.version,
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, libraryVersion(name)])),
  };
  return current;
}

function libraryVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** A hash of every file below `dir`, names and contents, in a stable order. */
function hashCode(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) hash.update(`${child}\0`).update(fs.readFileSync(path.join(dir, child))).update('\0');
    }
  };
  walk('');
  return hash.digest('hex');
}
