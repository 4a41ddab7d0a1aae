import type { Diagnostic } from '../../diagnostics/diagnostic';
import { Reporter } from '../../diagnostics/reporter';
import { IMPORT_CODES, type ImportCode } from './codes';
import { ComposeFileError } from './errors';
import { interpolate } from './interpolate';
import { describe, type Located, type LocatedMap, type LocatedScalar, type LocatedSeq } from './located';

/** A diagnostic of the import: `path` is `compose.yaml:12 services.web.ports[2]`; the parts are kept too. */
export interface ImportDiagnostic extends Diagnostic {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line of the key or item; 0 when unknown. */
  readonly line: number;
  /** Where in the file: `services.web.ports[2]`. */
  readonly keyPath: string;
}

/** What every part of the import reads, and where it reports what the model cannot hold. */
export interface ImportContext {
  /** The file as the user named it, for messages. */
  readonly file: string;
  /** The absolute folder of the file: relative paths in it start there. */
  readonly fileDir: string;
  /** The absolute project root: the model's relative paths start there. */
  readonly projectRoot: string;
  /** The project name: the System's name. */
  projectName: string;
  /** A variable's value, from the environment given, then the `.env` file. */
  readonly lookup: (name: string) => string | undefined;
  /**
   * Whether the value `lookup` gives for a variable comes from the importing host's environment (not from `.env`
   * and not allowed by name), so that it may enter no output as it is.
   */
  readonly fromHost: (name: string) => boolean;
  /** Whether a variable is read as the project's folder (`${PWD}` is `.`): see working-directory.ts. */
  readonly projectFolder: (name: string) => boolean;
  /** Whether `env_file` and `extends.file` may name files outside the folder of the Compose file. */
  readonly allowOutsideFiles: boolean;
  /** Where every finding of the import is recorded; `path` is `at(ctx, keyPath, line)`. */
  readonly reporter: Reporter<ImportCode>;
  /** Variables already reported as unset, or as read as the project's folder, so each is reported once. */
  readonly unset: Set<string>;
}

function diagnosticPath(file: string, line: number, keyPath: string): string {
  return `${file}${line > 0 ? `:${line}` : ''} ${keyPath}`.trim();
}

/** The path of a finding at `keyPath` on `line` of the file: `compose.yaml:12 services.web.ports[2]`. */
export function at(ctx: Pick<ImportContext, 'file'>, keyPath: string, line: number): string {
  return diagnosticPath(ctx.file, line, keyPath);
}

/** A finding of `reporter` with its line and key path taken back out of its path. */
export function located(file: string, d: Diagnostic): ImportDiagnostic {
  const m = /^(?::(\d+))?(?: (.*))?$/.exec(d.path.startsWith(file) ? d.path.slice(file.length) : ` ${d.path}`);
  return { ...d, file, line: Number(m?.[1] ?? 0), keyPath: m?.[2] ?? '' };
}

/** Stops the import: the file cannot be read at `keyPath` (malformed, too large, not UTF-8). */
export function fail(ctx: Pick<ImportContext, 'file'>, keyPath: string, line: number, message: string, code: ImportCode = 'import/invalid-file'): never {
  throw new ComposeFileError(new Reporter(IMPORT_CODES).make(code, at(ctx, keyPath, line), message));
}

export function asMap(ctx: ImportContext, node: Located, keyPath: string): LocatedMap {
  if (node.kind !== 'map') fail(ctx, keyPath, node.line, `must be a mapping (got ${describe(node)})`);
  return node;
}

export function asSeq(ctx: ImportContext, node: Located, keyPath: string): LocatedSeq {
  if (node.kind !== 'seq') fail(ctx, keyPath, node.line, `must be a list (got ${describe(node)})`);
  return node;
}

export function asScalar(ctx: ImportContext, node: Located, keyPath: string, what = 'a string or a number'): LocatedScalar {
  if (node.kind !== 'scalar' || node.value === null) fail(ctx, keyPath, node.line, `must be ${what} (got ${describe(node)})`);
  return node;
}

/** A string, number or boolean scalar as an interpolated string. */
export function asString(ctx: ImportContext, node: Located, keyPath: string): string {
  const scalar = asScalar(ctx, node, keyPath);
  return typeof scalar.value === 'string' ? interpolated(ctx, scalar.value, keyPath, scalar.line) : (scalar.text ?? String(scalar.value));
}

/**
 * Interpolates a string of the file, reporting unset, required and malformed variables at `keyPath`, and every
 * variable whose value would come from the importing host's environment (see `allowHostVariables`).
 */
export function interpolated(ctx: ImportContext, text: string, keyPath: string, line: number): string {
  const { value, host } = interpolatedWithHost(ctx, text, keyPath, line);
  for (const name of host) reportHostVariable(ctx, name, keyPath, line);
  return value;
}

/** The value of a variable passed through by name (`args: [VERSION]`), refused when it comes from the importing host. */
export function passedThrough(ctx: ImportContext, name: string, keyPath: string, line: number): string | undefined {
  const value = ctx.lookup(name);
  if (value !== undefined && ctx.fromHost(name)) reportHostVariable(ctx, name, keyPath, line);
  return value;
}

function reportHostVariable(ctx: ImportContext, name: string, keyPath: string, line: number): void {
  ctx.reporter.report(
    'import/host-variable',
    at(ctx, keyPath, line),
    `variable ${name} comes from the environment of the importing host: its value would be written into every output, so it is refused.`,
    `Write the value in the file or in .env beside it, or pass --allow-host-variable ${name} to write the host's value.`,
  );
}

/**
 * Interpolates like `interpolated`, and returns the variables read from the importing host instead of reporting
 * them, for a caller that can keep them out of the output (an environment value that becomes a Secret).
 */
export function interpolatedWithHost(ctx: ImportContext, text: string, keyPath: string, line: number): { readonly value: string; readonly host: readonly string[] } {
  const host = new Set<string>();
  const lookup = (name: string): string | undefined => {
    const v = ctx.lookup(name);
    if (v !== undefined && ctx.fromHost(name)) host.add(name);
    if (ctx.projectFolder(name) && !ctx.unset.has(name)) {
      ctx.unset.add(name);
      ctx.reporter.report(
        'import/project-folder',
        at(ctx, keyPath, line),
        `variable ${name} is the folder docker compose runs in, the project's: it is read as . (relative to the project), not as the importing host's folder.`,
        `To write another folder, set ${name} in .env beside the file.`,
      );
    }
    return v;
  };
  const { value, problems } = interpolate(text, lookup);
  for (const p of problems) {
    if (p.kind === 'unset') {
      if (ctx.unset.has(p.name)) continue;
      ctx.unset.add(p.name);
      ctx.reporter.report(
        'import/unset-variable',
        at(ctx, keyPath, line),
        `variable ${p.name} is not set: it becomes the empty string.`,
        `Set ${p.name} in the environment or in .env beside the file, or give a default: \${${p.name}:-value}.`,
      );
    } else if (p.kind === 'required') {
      ctx.reporter.report(
        'import/required-variable',
        at(ctx, keyPath, line),
        `variable ${p.name} is required: ${p.message}`,
        `Set ${p.name} in the environment or in .env beside the file.`,
      );
    } else {
      ctx.reporter.report('import/invalid-interpolation', at(ctx, keyPath, line), p.message, 'Write $$ for a literal $.');
    }
  }
  return { value, host: [...host].sort() };
}

export function asBoolean(ctx: ImportContext, node: Located, keyPath: string): boolean {
  const scalar = asScalar(ctx, node, keyPath, 'true or false');
  if (typeof scalar.value === 'boolean') return scalar.value;
  const text = typeof scalar.value === 'string' ? interpolated(ctx, scalar.value, keyPath, scalar.line).toLowerCase() : '';
  if (text === 'true') return true;
  if (text === 'false') return false;
  return fail(ctx, keyPath, scalar.line, `must be true or false (got ${describe(scalar)})`);
}

export function asNumber(ctx: ImportContext, node: Located, keyPath: string): number {
  const scalar = asScalar(ctx, node, keyPath, 'a number');
  const n = typeof scalar.value === 'number' ? scalar.value : typeof scalar.value === 'string' ? Number(interpolated(ctx, scalar.value, keyPath, scalar.line).trim() || NaN) : NaN;
  if (!Number.isFinite(n)) fail(ctx, keyPath, scalar.line, `must be a number (got ${describe(scalar)})`);
  return n;
}

/** A string, or a list of strings. */
export function asStringOrList(ctx: ImportContext, node: Located, keyPath: string): string | string[] {
  if (node.kind === 'seq') return node.items.map((item, i) => asString(ctx, item, `${keyPath}[${i}]`));
  return asString(ctx, node, keyPath);
}

/** Every key of a mapping that none of `handled` names is reported as unsupported (`x-` extensions excepted). */
export function reportUnhandled(ctx: ImportContext, map: LocatedMap, keyPath: string, handled: ReadonlySet<string>, hints: Readonly<Record<string, string>> = {}): void {
  for (const [key, entry] of map.entries) {
    if (handled.has(key) || key.startsWith('x-')) continue;
    ctx.reporter.report('import/unsupported-key', at(ctx, `${keyPath}.${key}`, entry.line), `${key} has no equivalent in the model: it is left out.`, hints[key]);
  }
}

/** The entry of a mapping, if present and not null. */
export function entry(map: LocatedMap, key: string): { readonly line: number; readonly value: Located } | undefined {
  const e = map.entries.get(key);
  return e && !(e.value.kind === 'scalar' && e.value.value === null) ? e : undefined;
}
