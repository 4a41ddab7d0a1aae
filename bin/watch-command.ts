import * as path from 'path';
import { projectPathsUsed } from '../lib/synth/cache/project-files';
import type { LoadedApp } from '../lib/synth/load-apps';
import { forgetModules, projectModulesSince } from '../lib/synth/watch/app-modules';
import { ChangeWatcher } from '../lib/synth/watch/watcher';
import type { Io } from './cli';

/** One synth, told where to print and whom to tell which apps it loaded. */
export type SynthRun = (io: Io, onApps: (apps: readonly LoadedApp[]) => void) => Promise<number>;

/** How long the files must be still before a change starts a synth, in milliseconds. */
const SETTLE_MS = 150;

/**
 * `lading synth --watch`: synthesizes once, then again on every change of an app module, a file one imports,
 * or a build context or Dockerfile one uses. Each run prints its one summary line (or the lines of what failed);
 * warnings are printed again only when they changed. A run that starts while one is under way waits for it.
 * SIGINT (Ctrl-C) stops at once, with exit code 130: dist/ is written synchronously from the first file to the
 * swap, so the signal always finds it whole, as the last finished run left it.
 */
export function runWatch(appsDir: string, io: Io, run: SynthRun): Promise<number> {
  return new Promise<number>((resolve) => {
    let modules: string[] = [];
    let lastErr: string | undefined;
    let running = false;
    let pending = false;
    const watcher = new ChangeWatcher(() => void start(), SETTLE_MS);

    const once = async () => {
      forgetModules(modules);
      const before = new Set(Object.keys(require.cache));
      const used: string[] = [];
      let err = '';
      let out = '';
      let code: number;
      try {
        code = await run({ out: (s) => void (out += s), err: (s) => void (err += s) }, (apps) => {
          for (const app of apps) used.push(path.resolve(app.file), ...projectPathsUsed(app.spec, process.cwd()));
        });
      } catch (e) {
        // a bug in lading ends this run, not the watch
        err += `error ${(e as Error)?.message ?? String(e)}\n`;
        code = 1;
      }
      modules = [...new Set([...modules, ...projectModulesSince(before)])];
      // watched before the run's line is printed: a change made once the line is seen starts the next run
      watcher.add([...modules, ...used]);
      if (code !== 0 || err !== lastErr) io.err(err);
      io.out(out);
      lastErr = code === 0 ? err : undefined;
    };

    const start = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      try {
        do {
          pending = false;
          await once();
        } while (pending);
      } finally {
        running = false;
      }
    };

    process.once('SIGINT', () => {
      watcher.close();
      resolve(130);
      process.exit(130);
    });
    watcher.addFolder(appsDir);
    void start();
  });
}
