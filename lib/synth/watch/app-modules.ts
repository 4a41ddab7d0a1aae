import * as path from 'path';
import { ladingPackageRoot } from '../../package-info';

/**
 * The modules of the project loaded since `before` (a snapshot of require.cache's keys): the app modules and
 * every file they import, without installed packages and without lading's own code.
 */
export function projectModulesSince(before: ReadonlySet<string>): string[] {
  const own = ['lib', 'dist-lib', 'bin'].map((d) => `${path.join(ladingPackageRoot(), d)}${path.sep}`);
  return Object.keys(require.cache)
    .filter((file) => !before.has(file))
    .filter((file) => path.isAbsolute(file) && !file.split(path.sep).includes('node_modules') && !own.some((d) => file.startsWith(d)))
    .sort();
}

/** Forgets the given modules, so that the next `require` of an app reads them from disk again. */
export function forgetModules(files: readonly string[]): void {
  for (const file of files) delete require.cache[file];
}
