import * as fs from 'fs';
import * as path from 'path';
import { ladingPackageRoot, ladingVersion } from '../lib/package-info';
import { PROJECT_DEV_TOOLS, projectFiles } from './init-files';

/** Exit codes, as the CLI's. */
const EXIT_OK = 0;
const EXIT_USAGE = 2;

export interface InitIo {
  out(s: string): void;
  err(s: string): void;
}

export interface InitFlags {
  force?: boolean;
}

export interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/**
 * The dependency on lading the new project gets: the one of the project the running lading is installed in, a
 * `file:` tarball or folder rewritten to be relative to the new project; otherwise `^<version>`.
 */
export function ladingDependency(projectDir: string, root: string = ladingPackageRoot(), version: string = ladingVersion()): string {
  const parts = root.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return `^${version}`;
  const host = parts.slice(0, at).join(path.sep) || path.sep;
  const pkg = readPackage(host);
  const spec = pkg?.dependencies?.lading ?? pkg?.devDependencies?.lading;
  if (!spec) return `^${version}`;
  if (!spec.startsWith('file:')) return spec;
  const target = path.resolve(host, spec.slice('file:'.length));
  const relative = path.relative(path.resolve(projectDir), target).split(path.sep).join('/');
  return `file:${relative.startsWith('.') ? relative : `./${relative}`}`;
}

/** The versions of the project's development tools, as lading's own package.json pins them. */
export function devToolVersions(own: PackageJson): Record<string, string> {
  const versions: Record<string, string> = { ...own.dependencies, ...own.devDependencies };
  const missing = PROJECT_DEV_TOOLS.filter((tool) => versions[tool] === undefined);
  if (missing.length > 0) throw new Error(`lading's package.json names no version of ${missing.join(', ')}. Reinstall lading.`);
  return Object.fromEntries(PROJECT_DEV_TOOLS.map((tool) => [tool, versions[tool]]));
}

/** An npm package name made of the folder's name: lower case, letters, digits, `-`, `_` and `.`. */
export function packageName(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return name || 'lading-project';
}

/** `lading init [DIR]`: writes a new project into DIR (the working directory by default). */
export function runInit(dir: string | undefined, flags: InitFlags, io: InitIo): number {
  const target = dir ?? '.';
  const abs = path.resolve(target);
  if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
    io.err(`${target}: not a folder (got a file). Choose a new or empty folder.\n`);
    return EXIT_USAGE;
  }
  const present = fs.existsSync(abs) ? fs.readdirSync(abs).sort() : [];
  if (present.length > 0 && !flags.force) {
    const shown = present.slice(0, 5).join(', ') + (present.length > 5 ? ', ...' : '');
    io.err(`${target}: the folder is not empty (got ${present.length} entries: ${shown}). Choose a new or empty folder, or pass --force to write the project's files into it, overwriting those of the same name.\n`);
    return EXIT_USAGE;
  }
  const devDependencies = devToolVersions(readPackage(ladingPackageRoot()) ?? {});
  const files = projectFiles({ name: packageName(abs), lading: ladingDependency(abs), devDependencies });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(abs, file)), { recursive: true });
    fs.writeFileSync(path.join(abs, file), content);
  }
  const cd = target === '.' ? '' : `cd ${target} && `;
  io.out(`created a lading project in ${target}/: ${Object.keys(files).join(', ')}\nnext: ${cd}npm install && npm run synth && npm test\n`);
  return EXIT_OK;
}
