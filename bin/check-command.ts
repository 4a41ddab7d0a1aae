import * as path from 'path';
import { TARGET_NAMES, type TargetName } from '../lib/diagnostics/diagnostic';
import { checkApps, formatJson, formatText } from '../lib/check';
import { AppLoadError, loadApps } from '../lib/synth/load-apps';

export interface CheckFlags {
  app?: string[];
  stage?: string;
  target: string[];
  format: 'text' | 'json';
  strict?: boolean;
  security?: boolean;
  appsDir: string;
}

export interface CheckIo {
  out(s: string): void;
  err(s: string): void;
}

/** `lading check`: renders in memory, prints the report, and returns 1 when it holds an error (or, strict, a warning). */
export async function runCheck(flags: CheckFlags, io: CheckIo, terminal: { color: boolean; width?: number }): Promise<number> {
  const targets: TargetName[] = flags.target.includes('all') ? [...TARGET_NAMES] : [...new Set(flags.target as TargetName[])];
  let apps;
  try {
    apps = loadApps(path.resolve(flags.appsDir), flags.app, flags.stage);
  } catch (e) {
    if (!AppLoadError.is(e)) throw e;
    for (const line of e.lines) io.err(`error ${line}\n`);
    return 1;
  }
  const report = await checkApps(apps, { targets, strict: flags.strict, security: flags.security });
  io.out(flags.format === 'json' ? formatJson(report) : formatText(report, { color: terminal.color, width: terminal.width }));
  return report.ok ? 0 : 1;
}
