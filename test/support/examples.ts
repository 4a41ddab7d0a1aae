import * as path from 'path';
import type { System } from '../../lib/model';
import type { LoadedApp } from '../../lib/synth/load-apps';
import { resolveStage } from '../../lib/synth/resolve-stage';

/** The repository's root, whose apps/ holds the examples. */
export const EXAMPLES_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(EXAMPLES_ROOT, 'apps');

/**
 * The example apps this repository ships, tests and snapshots: `apps/<name>.ts`. Only these are tested: an app
 * of one's own put beside them in apps/ is rendered by `lading synth` but is no part of `npm test`.
 */
export const EXAMPLE_APPS = ['cats-and-dogs', 'devbox', 'echo-server', 'hello', 'registry', 'shared-data', 'webapp'] as const;

/** The example modules' file names, sorted: `hello.ts`. */
export const EXAMPLE_FILES: readonly string[] = EXAMPLE_APPS.map((name) => `${name}.ts`);

/** The System an example module exports by default, or builds for `stage` when it exports a stage function. */
export function exampleSystem(name: string, stage?: string): System {
  const file = path.join(EXAMPLES_DIR, name.endsWith('.ts') ? name : `${name}.ts`);
  const mod = resolveStage(require(file), stage) as { default?: System };
  if (!mod.default) throw new Error(`${path.relative(EXAMPLES_ROOT, file)} has no default export`);
  return mod.default;
}

/** The examples loaded as `lading synth` loads apps (name, file relative to the working directory, spec), sorted by name. */
export function loadExamples(): LoadedApp[] {
  return EXAMPLE_APPS.map((name) => {
    const system = exampleSystem(name);
    return { name: system.name, file: path.relative(process.cwd(), path.join(EXAMPLES_DIR, `${name}.ts`)), spec: system.toSpec() };
  });
}
