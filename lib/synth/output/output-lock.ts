import * as fs from 'fs';
import { LOCK, statePath } from './layout';
import { isFsError, OutputError } from './output-error';
import { sleepSync } from './sleep';

/** How long a synth waits for another one writing the same output folder. */
export const LOCK_WAIT_MS = 30_000;
const POLL_MS = 50;

/** The lock of one output folder, held by this process from `acquire` to `release`. */
export class OutputLock {
  private readonly file: string;
  private readonly content: string;

  constructor(outDir: string, private readonly shown: string, token: string) {
    this.file = statePath(outDir, LOCK);
    this.content = `${process.pid} ${token}\n`;
  }

  /**
   * Takes the lock, waiting up to `waitMs` for a synth that holds it. A lock left by a process that no longer
   * runs (a killed synth) is taken over. Throws OutputError with one line when the wait runs out.
   */
  acquire(waitMs: number = LOCK_WAIT_MS): void {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (this.tryCreate()) return;
      const held = readOrUndefined(this.file);
      if (held === undefined) continue; // released between the two calls
      const pid = Number(held.split(' ')[0]);
      if (!isRunning(pid)) {
        this.takeOver(held);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new OutputError(
          `${this.shown}: another lading synth is writing this output folder (got process ${pid}, waited ${Math.round(waitMs / 1000)}s). Run again when it has finished; ${this.shown} was left as it was.`,
        );
      }
      sleepSync(POLL_MS);
    }
  }

  /** Creates the lock with its content in one step (a link to a written file), so no one reads it empty. */
  private tryCreate(): boolean {
    const written = `${this.file}.new-${process.pid}`;
    fs.writeFileSync(written, this.content);
    try {
      fs.linkSync(written, this.file);
      return true;
    } catch (e) {
      if (!isFsError(e) || e.code !== 'EEXIST') throw e;
      return false;
    } finally {
      fs.rmSync(written, { force: true });
    }
  }

  /** True while the lock file is still this process's. */
  holds(): boolean {
    return readOrUndefined(this.file) === this.content;
  }

  release(): void {
    if (this.holds()) fs.rmSync(this.file, { force: true });
  }

  /**
   * Removes a lock whose process is gone. Two synths may both find it stale: each moves the lock aside before
   * removing it, and one that moved a fresh lock (taken meanwhile by the other) puts it back.
   */
  private takeOver(stale: string): void {
    const aside = `${this.file}.stale-${process.pid}`;
    try {
      fs.renameSync(this.file, aside);
    } catch (e) {
      if (isFsError(e) && e.code === 'ENOENT') return;
      throw e;
    }
    const moved = readOrUndefined(aside);
    if (moved !== stale) {
      try {
        fs.linkSync(aside, this.file);
      } catch (e) {
        if (!isFsError(e) || e.code !== 'EEXIST') throw e;
      }
    }
    fs.rmSync(aside, { force: true });
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (isFsError(e) && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** True when a process with this id runs (or runs under another user). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
