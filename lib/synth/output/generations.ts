import * as fs from 'fs';
import * as path from 'path';
import { CURRENT, GENERATION_PREFIX, linkTarget, LOCK, STATE_DIR, statePath } from './layout';
import { sleepSync } from './sleep';

/** The generation `current` names, or undefined before the first synth. */
export function currentGeneration(outDir: string): string | undefined {
  try {
    const target = fs.readlinkSync(statePath(outDir, CURRENT));
    return target.startsWith(GENERATION_PREFIX) && !target.includes('/') ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes what killed or earlier synths left in the state folder: every generation but the current one (the
 * one before it was kept for readers still inside it), half-made links and lock files. Run with the lock held.
 */
export function removeLeftovers(outDir: string): void {
  const current = currentGeneration(outDir);
  for (const name of fs.readdirSync(statePath(outDir))) {
    const leftover =
      (name.startsWith(GENERATION_PREFIX) && name !== current) || name.startsWith(`${CURRENT}.`) || name.startsWith(`${LOCK}.new-`) || name.startsWith(`${LOCK}.stale-`);
    if (leftover) fs.rmSync(statePath(outDir, name), { recursive: true, force: true });
  }
}

/** A unit replaced whole: a path under the output folder and the files it holds after this synth. */
export interface GenerationUnit {
  readonly path: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
}

/**
 * Writes a new generation: the current one with every unit replaced by its new files. Only regular files and
 * folders are carried over; nothing is followed through a symbolic link.
 */
export function buildGeneration(outDir: string, name: string, units: readonly GenerationUnit[]): void {
  const root = statePath(outDir, name);
  fs.mkdirSync(root);
  const replaced = (rel: string) => units.some((u) => rel === u.path || rel.startsWith(`${u.path}/`));
  const current = currentGeneration(outDir);
  if (current) copyTree(statePath(outDir, current), root, '', replaced);
  for (const unit of units) {
    for (const file of unit.files) {
      const target = path.join(root, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content, { flag: 'wx' });
    }
  }
}

function copyTree(from: string, to: string, rel: string, skip: (rel: string) => boolean): void {
  for (const e of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    if (skip(child)) continue;
    if (e.isDirectory()) {
      fs.mkdirSync(path.join(to, child));
      copyTree(from, to, child, skip);
    } else if (e.isFile()) {
      fs.copyFileSync(path.join(from, child), path.join(to, child), fs.constants.COPYFILE_FICLONE);
    }
  }
}

/** Milliseconds to pause between the steps of the swap, for tests that kill a synth in the middle of it. */
function slowSwapMs(): number {
  const ms = Number(process.env.LADING_TEST_SLOW_SWAP_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * Makes `generation` the output readers see. Links for new top-level names are made first (until the switch
 * they point at nothing, as if absent); the switch is one rename of `current`; links whose name the new output
 * lacks are removed after it.
 */
export function swapIn(outDir: string, token: string, generation: string): void {
  const pause = slowSwapMs();
  const names = fs.readdirSync(statePath(outDir, generation)).sort();
  for (const name of names) {
    sleepSync(pause);
    const link = path.join(outDir, name);
    try {
      fs.symlinkSync(linkTarget(name), link);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  sleepSync(pause);
  const next = statePath(outDir, `${CURRENT}.${token}`);
  fs.symlinkSync(generation, next);
  sleepSync(pause);
  fs.renameSync(next, statePath(outDir, CURRENT));
  sleepSync(pause);
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (e.name !== STATE_DIR && e.isSymbolicLink() && !names.includes(e.name)) fs.rmSync(path.join(outDir, e.name), { force: true });
  }
}
