import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildGeneration, currentGeneration, removeLeftovers, swapIn } from './output/generations';
import { GENERATION_PREFIX, statePath } from './output/layout';
import { OutputError } from './output/output-error';
import { asOutputError, claimOutputFolder } from './output/output-folder';
import { LOCK_WAIT_MS, OutputLock } from './output/output-lock';

export { OutputError } from './output/output-error';

/** One unit of output that is replaced as a whole: a file or a folder under the output directory. */
export interface OutputUnit {
  /** Path relative to the output directory: `compose/shop`, `kubernetes/shop.k8s.yaml`, or `compose` (whole). */
  readonly path: string;
  /** Files to write, relative to the output directory. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
}

export interface WriteOutputOptions {
  /**
   * The project folder: the output folder may neither be it nor hold it.
   * @default process.cwd()
   */
  readonly projectRoot?: string;
  /**
   * How long to wait for another synth writing the same folder, in milliseconds.
   * @default LOCK_WAIT_MS (30 s)
   */
  readonly lockWaitMs?: number;
}

/**
 * Writes the units into `outDir`, which lading owns (see output/layout.ts): the folder is claimed (or refused
 * with one line), locked for the whole write, a new generation holding the whole new output is written beside
 * the current one, and one rename makes it current. Whatever moment the process is killed at, readers see the
 * old or the new output; what a killed synth left is removed by the next one. Every problem a user can cause
 * is an OutputError with one line. Returns the files written, as paths under `outDir`.
 */
export function writeOutput(outDir: string, units: readonly OutputUnit[], options: WriteOutputOptions = {}): string[] {
  for (const unit of units) for (const f of unit.files) assertInside(unit.path, f.path);
  const shown = `${path.relative(process.cwd(), outDir) || '.'}/`;
  claimOutputFolder(outDir, shown, options.projectRoot ?? process.cwd());
  const token = `${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
  const lock = new OutputLock(outDir, shown, token);
  try {
    lock.acquire(options.lockWaitMs ?? LOCK_WAIT_MS);
  } catch (e) {
    throw asOutputError(shown, e);
  }
  const generation = `${GENERATION_PREFIX}${token}`;
  try {
    removeLeftovers(outDir);
    buildGeneration(outDir, generation, units);
    if (!lock.holds()) {
      throw new OutputError(`${shown}: another lading synth removed this synth's lock (got ${statePath(outDir, 'lock')}). Run one synth at a time; ${shown} was left as it was.`);
    }
    swapIn(outDir, token, generation);
  } catch (e) {
    if (currentGeneration(outDir) !== generation) fs.rmSync(statePath(outDir, generation), { recursive: true, force: true });
    throw asOutputError(shown, e);
  } finally {
    lock.release();
  }
  return units.flatMap((u) => u.files.map((f) => path.join(outDir, ...f.path.split('/')))).sort();
}

function assertInside(unit: string, file: string): void {
  const rel = path.posix.relative(unit, file);
  if (rel.startsWith('..') || path.posix.isAbsolute(rel) || path.posix.isAbsolute(file)) {
    throw new Error(`output file ${file} lies outside its unit ${unit}`);
  }
}
