import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { linkTarget, MARKER, MARKER_TEXT, NEW_STATE_PREFIX, STATE_DIR, statePath } from './layout';
import { fsErrorLine, isFsError, OutputError } from './output-error';

const CHOOSE = 'Choose a folder of its own for the output, such as dist (lading creates it)';

/**
 * Makes sure `outDir` is a folder lading may write: not the root, a home folder or a folder holding the project,
 * not a file, not a symbolic link, and either new, empty, or lading's own (its marker present and nothing else
 * in it). Creates it with its marker when needed. Throws OutputError with one line otherwise.
 */
export function claimOutputFolder(outDir: string, shown: string, projectRoot: string): void {
  refuseDangerous(outDir, shown, projectRoot);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(outDir);
  } catch (e) {
    // absent, or under a file: mkdir below says which
    if (!isFsError(e) || (e.code !== 'ENOENT' && e.code !== 'ENOTDIR')) throw asOutputError(shown, e);
  }
  if (stat?.isSymbolicLink()) {
    throw new OutputError(`${shown}: the output folder is a symbolic link (got ${show(fs.readlinkSync(outDir))}). ${CHOOSE}, or pass the folder the link points to.`);
  }
  if (stat && !stat.isDirectory()) throw new OutputError(`${shown}: the output folder is a file, not a folder (got a file of ${stat.size} bytes). ${CHOOSE}.`);
  try {
    if (!stat) fs.mkdirSync(outDir, { recursive: true });
    if (!fs.existsSync(statePath(outDir, MARKER))) adopt(outDir, shown);
  } catch (e) {
    throw asOutputError(shown, e);
  }
  const foreign = foreignEntries(outDir);
  if (foreign.length > 0) {
    throw new OutputError(
      `${shown}: holds files lading did not write (got ${foreign.slice(0, 3).map(show).join(', ')}${foreign.length > 3 ? `, and ${foreign.length - 3} more` : ''}). Move them out of ${shown}, or ${CHOOSE[0].toLowerCase()}${CHOOSE.slice(1)}.`,
    );
  }
}

/** Turns an fs error into one line; an OutputError passes through. */
export function asOutputError(shown: string, e: unknown): unknown {
  if (OutputError.is(e) || !isFsError(e)) return e;
  const file = e.path ? path.relative(process.cwd(), e.path) || e.path : shown;
  return new OutputError(fsErrorLine(file, e, `Fix that, or choose another --out folder; ${shown} was left as it was`));
}

function refuseDangerous(outDir: string, shown: string, projectRoot: string): void {
  const out = path.resolve(outDir);
  const inside = (folder: string) => {
    const rel = path.relative(out, path.resolve(folder));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const why =
    out === path.parse(out).root
      ? 'the root of the file system'
      : inside(os.homedir()) || ['/home', '/Users'].includes(path.dirname(out)) || out === '/root'
        ? 'a home folder'
        : inside(projectRoot)
          ? 'the project folder'
          : undefined;
  if (why) throw new OutputError(`${shown}: the output folder must not be ${why}: synth replaces what is in it (got ${show(out)}). ${CHOOSE}.`);
}

/**
 * Claims an empty folder: its marker is written into a fresh state folder that is then renamed into place, so a
 * second synth never sees a state folder without its marker.
 */
function adopt(outDir: string, shown: string): void {
  const foreign = fs.readdirSync(outDir).filter((n) => n !== STATE_DIR && !n.startsWith(NEW_STATE_PREFIX));
  if (foreign.length > 0 || fs.existsSync(path.join(outDir, STATE_DIR))) {
    const names = fs.existsSync(path.join(outDir, STATE_DIR)) ? [STATE_DIR, ...foreign] : foreign;
    throw new OutputError(
      `${shown}: holds files lading did not write (got ${names.sort().slice(0, 3).map(show).join(', ')}${names.length > 3 ? `, and ${names.length - 3} more` : ''}). Move them out of ${shown}, or ${CHOOSE[0].toLowerCase()}${CHOOSE.slice(1)}.`,
    );
  }
  const fresh = path.join(outDir, `${NEW_STATE_PREFIX}${process.pid}`);
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh);
  fs.writeFileSync(path.join(fresh, MARKER), MARKER_TEXT);
  try {
    fs.renameSync(fresh, path.join(outDir, STATE_DIR));
  } catch (e) {
    // another synth claimed the folder first
    fs.rmSync(fresh, { recursive: true, force: true });
    if (!isFsError(e) || !['ENOTEMPTY', 'EEXIST'].includes(e.code ?? '')) throw e;
  }
}

/** Entries of the output folder that lading did not make: anything but its state folder and its own links. */
function foreignEntries(outDir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (e.name === STATE_DIR && e.isDirectory()) continue;
    if (e.name.startsWith(NEW_STATE_PREFIX) && e.isDirectory()) continue;
    if (e.isSymbolicLink() && fs.readlinkSync(path.join(outDir, e.name)) === linkTarget(e.name)) continue;
    out.push(e.name);
  }
  return out.sort();
}

function show(s: string): string {
  return JSON.stringify(s);
}
