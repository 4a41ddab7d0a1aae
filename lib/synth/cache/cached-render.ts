import * as path from 'path';
import type { TargetName } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { RenderCache, KeptRender } from './render-cache';
import type { RenderVersions } from './versions';

/** Where a render is kept, and what it depends on besides its own inputs. */
export interface RenderCacheUse {
  readonly cache: RenderCache;
  readonly versions: RenderVersions;
}

/** A render looked up in the cache: its key (none without a cache), and what was kept under it, if anything. */
export interface Lookup {
  readonly key?: string;
  readonly kept?: KeptRender;
}

/**
 * Looks up the render of `spec` on `name` into `targetDir`. A hit needs no target library: the files, the
 * findings and the app's output paths all come from the cache.
 */
export function lookupRender(name: TargetName | 'graph', spec: SystemSpec, targetDir: string, projectRoot: string, use: RenderCacheUse | undefined): Lookup {
  if (!use) return {};
  const { renderKey } = require('./render-key') as typeof import('./render-key');
  const root = path.resolve(projectRoot);
  const projectRootFromTargetDir = path.relative(path.resolve(targetDir), root).split(path.sep).join('/') || '.';
  const key = renderKey({ target: name, spec, projectRoot: root, projectRootFromTargetDir, versions: use.versions });
  return { key, kept: use.cache.get(key) };
}

/** Keeps a render under the key its lookup gave. */
export function keepRender(use: RenderCacheUse | undefined, lookup: Lookup, render: KeptRender): void {
  if (use && lookup.key) use.cache.put(lookup.key, render);
}
