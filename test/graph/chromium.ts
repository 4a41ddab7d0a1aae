import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Flags for a headless Chromium that stays off the network and keeps no state between runs. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, found in `dirs` (PATH, then /usr/bin), or a clear error naming how to install it (never a skip). */
export function chromium(dirs: readonly string[] = (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin')): string {
  for (const dir of dirs) {
    const candidate = path.join(dir, 'chromium');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const ci = process.env.CI === 'true' ? ' (CI=true: .ci/run installs it; check that step)' : '';
  throw new Error(`headless Chromium is needed to check that the SVG renders, and \`chromium\` is not on PATH${ci}. Install Debian's package: apt-get install -y chromium`);
}

/** Loads a local HTML file in headless Chromium and returns the DOM after its scripts ran. */
export function dumpDom(htmlFile: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-chromium-'));
  try {
    const r = spawnSync(
      chromium(),
      [...FLAGS, `--user-data-dir=${profile}`, '--virtual-time-budget=5000', '--dump-dom', `file://${htmlFile}`],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (r.error) throw new Error(`chromium did not run: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`chromium exited with ${r.status}: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
    return r.stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
