import * as fs from 'fs';
import * as path from 'path';
import type { ImportContext } from './context';
import { builtStage, copyCarrying, copyStages } from './dockerfile-copies';
import { ignoreVerdict } from './dockerignore';
import { outsideFileDir } from './paths';
import { readHint } from './port-hints';
import type { ImagePlan, MountPlan } from './plan';

/** Whether a project path is a file or a folder; undefined when it is missing or outside the Compose file's folder. */
function kindOf(ctx: ImportContext, abs: string): 'file' | 'folder' | undefined {
  try {
    if (outsideFileDir(ctx, abs)) return undefined;
    const stat = fs.statSync(abs);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Marks `inImage` the relative binds whose files the service's image, built in the project, provably carries at
 * the same path: the source lies in the build context, no `.dockerignore` pattern can leave any of it out, and a
 * COPY or ADD of the stage built (`build.target`, else the last) puts it at the bind's target.
 */
export function markBindsInImage(ctx: ImportContext, image: ImagePlan, mounts: readonly MountPlan[]): MountPlan[] {
  if (image.kind !== 'build' || !mounts.some((m) => m.kind === 'bind')) return [...mounts];
  const dockerfile = path.posix.join(image.context, image.dockerfile ?? 'Dockerfile');
  const text = readHint(ctx, path.resolve(ctx.projectRoot, dockerfile));
  const stage = text === undefined ? undefined : builtStage(copyStages(text, image.args), image.target);
  if (!stage) return [...mounts];
  const contextAbs = path.resolve(ctx.projectRoot, image.context);
  // BuildKit reads <Dockerfile>.dockerignore first, then the context's
  const ignore = [path.resolve(ctx.projectRoot, `${dockerfile}.dockerignore`), path.join(contextAbs, '.dockerignore')].find((f) => fs.existsSync(f));
  const ignoreText = ignore === undefined ? '' : readHint(ctx, ignore);
  return mounts.map((m) => {
    if (m.kind !== 'bind' || !(m.source.startsWith('./') || m.source.startsWith('../') || m.source === '.')) return m;
    const within = path.relative(contextAbs, path.resolve(ctx.projectRoot, m.source)).split(path.sep).join('/') || '.';
    if (within === '..' || within.startsWith('../') || path.isAbsolute(within)) return m;
    if (ignoreText === undefined || ignoreVerdict(ignoreText, within) !== 'kept') return m;
    const target = path.posix.normalize(m.target).replace(/\/+$/, '');
    const copy = copyCarrying(stage, within, target, (p) => kindOf(ctx, path.join(contextAbs, p)));
    return copy ? { ...m, inImage: true as const } : m;
  });
}
