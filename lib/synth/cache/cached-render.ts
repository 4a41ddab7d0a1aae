import * as path from 'path';
import type { TargetName } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { TargetResult } from '../../targets/target';
import { renderTarget } from '../render-target';
import { loadTarget } from '../targets';
import type { RenderCache } from './render-cache';
import { renderKey } from './render-key';
import type { RenderVersions } from './versions';

/** One app rendered on one target, or taken from the cache. */
export interface AppRender extends TargetResult {
  /** The paths of the target's output folder that belong to the app (Target.outputsOf). */
  readonly outputs: readonly string[];
  /** True when the render came from the cache. */
  readonly reused: boolean;
}

/** Where a render is kept, and what it depends on besides its own inputs. */
export interface RenderCacheUse {
  readonly cache: RenderCache;
  readonly versions: RenderVersions;
}

/**
 * Renders `spec` on `name` into `targetDir`, or returns the render kept for the same inputs. A hit loads no
 * target library: the files, the findings and the app's output paths all come from the cache.
 */
export async function renderCached(name: TargetName, spec: SystemSpec, targetDir: string, projectRoot: string, use: RenderCacheUse | undefined): Promise<AppRender> {
  const root = path.resolve(projectRoot);
  const projectRootFromTargetDir = path.relative(path.resolve(targetDir), root).split(path.sep).join('/') || '.';
  const key = use ? renderKey({ target: name, spec, projectRoot: root, projectRootFromTargetDir, versions: use.versions }) : undefined;
  const kept = key && use ? use.cache.get(key) : undefined;
  if (kept) return { ...kept, reused: true };
  const result = await renderTarget(name, spec, targetDir, projectRoot);
  const render = { files: result.files, diagnostics: result.diagnostics, outputs: [...loadTarget(name).outputsOf(spec.name)] };
  if (key && use) use.cache.put(key, render);
  return { ...render, reused: false };
}
