import * as fs from 'fs';
import * as path from 'path';

/**
 * Watches files and folders and calls `onChange` once per burst of changes (after `settleMs` without another).
 * A file is watched through its folder, so an editor that saves by writing a new file and renaming it over the
 * old one is seen too; a folder is watched with everything below it.
 */
export class ChangeWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly files = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: (changed: string) => void,
    private readonly settleMs: number,
  ) {}

  /** Watches the entries directly inside a folder: a file added, removed or changed there. */
  addFolder(dir: string): void {
    this.watch(dir, false, '*');
  }

  /** Watches these paths too (those watched already stay watched). */
  add(paths: readonly string[]): void {
    for (const p of paths) {
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (stat?.isDirectory()) this.watch(p, true, undefined);
      else this.watch(path.dirname(p), false, path.basename(p));
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private watch(dir: string, whole: boolean, name: string | undefined): void {
    const id = `${whole ? 'tree' : 'dir'}:${dir}`;
    if (name !== undefined) {
      const names = this.files.get(dir) ?? new Set<string>();
      names.add(name);
      this.files.set(dir, names);
    }
    if (this.watchers.has(id) || !fs.existsSync(dir)) return;
    const watcher = fs.watch(dir, { recursive: whole, persistent: true }, (_event, file) => {
      const changed = file ? path.join(dir, file.toString()) : dir;
      const names = this.files.get(dir);
      if (!whole && file && !names?.has('*') && !names?.has(path.basename(file.toString()))) return;
      this.changed(changed);
    });
    watcher.on('error', () => undefined);
    this.watchers.set(id, watcher);
  }

  private changed(file: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange(file);
    }, this.settleMs);
  }
}
