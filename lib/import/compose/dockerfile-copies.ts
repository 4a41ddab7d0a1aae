import * as path from 'path';
import { instructions } from './port-hints';

/** One COPY or ADD from the build context: its sources (relative to the context) and where they land. */
export interface ContextCopy {
  /** Context-relative, POSIX, without `./` or a trailing `/`; `.` for the whole context. */
  readonly sources: readonly string[];
  /** Absolute path in the image, WORKDIR applied, without a trailing `/`. */
  readonly dest: string;
  /** The destination is a folder: written with a trailing `/`, or the copy has several sources. */
  readonly destIsFolder: boolean;
  /** The 1-based line of the instruction in the Dockerfile. */
  readonly line: number;
}

/** A stage of a Dockerfile as far as its files from the build context go. */
export interface CopyStage {
  readonly name?: string;
  readonly base: string;
  /** The copies of this stage and of the stages it is built FROM, in order. */
  readonly copies: ContextCopy[];
}

interface Walk {
  readonly stage: CopyStage;
  /** The WORKDIR; undefined while it is the base image's, which the Dockerfile does not say. */
  workdir?: string;
  readonly vars: Map<string, string>;
}

/** Flags of COPY/ADD that change nothing about which files land where. */
const HARMLESS_FLAGS = /^--(chown|chmod|link|checksum|keep-git-dir)(=|$)/;
/** What ADD unpacks rather than copies: archives, URLs, git repositories. */
const UNPACKED = /(\.tar|\.tgz|\.tbz2?|\.txz|\.gz|\.bz2|\.xz|\.zst)$|:\/\/|^git@/i;

/** `${VAR}` and `$VAR` replaced by known values; undefined when one is unknown. */
function substitute(text: string, vars: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => {
    const value = vars.get(v);
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown || out.includes('$') ? undefined : out;
}

/** The words of a COPY/ADD: the JSON form `["a", "b"]`, or words split on spaces. */
function copyWords(args: string): string[] | undefined {
  if (!args.startsWith('[')) return /["'\\]|<</.test(args) ? undefined : args.split(/\s+/).filter((w) => w !== '');
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A COPY/ADD from the context, resolved; undefined when it copies from elsewhere or cannot be read for sure. */
function contextCopy(keyword: string, args: string, walk: Walk, line: number): ContextCopy | undefined {
  const flagged = /^((?:--\S+\s+)*)(.*)$/s.exec(args)!;
  const flags = flagged[1].split(/\s+/).filter((f) => f !== '');
  if (flags.some((f) => !HARMLESS_FLAGS.test(f))) return undefined;
  const words = copyWords(flagged[2].trim());
  if (!words || words.length < 2) return undefined;
  const resolved = words.map((w) => substitute(w, walk.vars));
  if (resolved.some((w) => w === undefined || w === '')) return undefined;
  const all = resolved as string[];
  const written = all[all.length - 1];
  const sources = all.slice(0, -1);
  if (sources.some((s) => /[*?[]/.test(s) || (keyword === 'ADD' && UNPACKED.test(s)))) return undefined;
  if (!written.startsWith('/') && walk.workdir === undefined) return undefined;
  const dest = path.posix.resolve(walk.workdir ?? '/', written);
  const normalized = sources.map((s) => path.posix.normalize(s.replace(/^\/+/, '')).replace(/\/+$/, '') || '.');
  if (normalized.some((s) => s === '..' || s.startsWith('../'))) return undefined;
  return { sources: normalized, dest, destIsFolder: written.endsWith('/') || sources.length > 1, line };
}

/**
 * The stages of a Dockerfile, each with the context files it copies (those of the stages it is built FROM first);
 * `buildArgs` are the build's `--build-arg` values, which replace the defaults of ARG.
 */
export function copyStages(text: string, buildArgs: Readonly<Record<string, string>> = {}): CopyStage[] {
  const walks: Walk[] = [];
  for (const { keyword, args, line } of instructions(text)) {
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const base = words[0] ?? '';
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2].toLowerCase() : undefined;
      const parent = walks.find((w) => w.stage.name !== undefined && w.stage.name === base.toLowerCase());
      walks.push({
        stage: { name, base, copies: parent ? [...parent.stage.copies] : [] },
        workdir: parent ? parent.workdir : undefined,
        vars: new Map(parent?.vars ?? []),
      });
      continue;
    }
    const walk = walks[walks.length - 1];
    if (!walk) continue;
    if (keyword === 'ARG' || keyword === 'ENV') {
      const set = (name: string, value: string | undefined): void => {
        const given = keyword === 'ARG' ? buildArgs[name] : undefined;
        const resolved = given ?? (value === undefined ? undefined : substitute(value, walk.vars));
        if (resolved === undefined) walk.vars.delete(name);
        else walk.vars.set(name, resolved);
      };
      const spaced = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=\s]\S*)$/.exec(args);
      if (keyword === 'ENV' && spaced) set(spaced[1], spaced[2]);
      else if (keyword === 'ARG' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(args)) set(args, undefined);
      else for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) set(m[1], m[2].replace(/^"|"$/g, ''));
    }
    if (keyword === 'WORKDIR') {
      const dir = substitute(args.replace(/^"|"$/g, ''), walk.vars);
      walk.workdir = dir === undefined || (!dir.startsWith('/') && walk.workdir === undefined) ? undefined : path.posix.resolve(walk.workdir ?? '/', dir);
    }
    if (keyword === 'COPY' || keyword === 'ADD') {
      const copy = contextCopy(keyword, args, walk, line);
      if (copy) walk.stage.copies.push(copy);
    }
  }
  return walks.map((w) => w.stage);
}

/** The stage that a build with `target` (or without: the last stage) produces. */
export function builtStage(stages: readonly CopyStage[], target: string | undefined): CopyStage | undefined {
  return target !== undefined ? stages.find((s) => s.name === target.toLowerCase()) : stages[stages.length - 1];
}

/**
 * The copy that puts the context path `source` at `target` in the image, if one does. `kindOf` says whether a
 * context path is a file or a folder (undefined: missing).
 */
export function copyCarrying(
  stage: CopyStage,
  source: string,
  target: string,
  kindOf: (contextPath: string) => 'file' | 'folder' | undefined,
): ContextCopy | undefined {
  for (const copy of [...stage.copies].reverse()) {
    for (const from of copy.sources) {
      const within = from === '.' ? source : source === from ? '' : source.startsWith(`${from}/`) ? source.slice(from.length + 1) : undefined;
      if (within === undefined) continue;
      const kind = kindOf(from);
      const lands =
        kind === 'folder' ? path.posix.join(copy.dest, within || '.') : kind === 'file' ? (copy.destIsFolder ? path.posix.join(copy.dest, path.posix.basename(from)) : copy.dest) : undefined;
      if (lands !== undefined && lands.replace(/\/+$/, '') === target) return copy;
    }
  }
  return undefined;
}
