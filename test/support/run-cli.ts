import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const LADING = path.join(ROOT, 'bin', 'lading.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `lading` command as a user would, in `cwd`. */
export function runLading(args: readonly string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [LADING, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder with an apps/ folder holding the given app modules (file name -> source). */
export function projectWithApps(apps: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-test-'));
  fs.mkdirSync(path.join(dir, 'apps'));
  for (const [file, source] of Object.entries(apps)) fs.writeFileSync(path.join(dir, 'apps', file), source);
  return dir;
}

/** The import path of the model, for app modules written into temporary folders. */
export const MODEL = JSON.stringify(path.join(ROOT, 'lib', 'model'));

/**
 * Every file below a folder, relative to it, with its content: what a reader of an output folder sees, through
 * its links and without lading's own state folder (.lading). A link that points at nothing counts as absent.
 */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      if (name === '.lading') continue;
      const p = path.join(d, name);
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(p);
      else if (stat) out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
