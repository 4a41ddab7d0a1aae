import * as fs from 'fs';
import * as path from 'path';
import { type Diagnostic, type TargetName } from '../lib/diagnostics/diagnostic';
import { formatDiagnostic } from '../lib/diagnostics/pipeline';
import { ComposeFileError, loadCompose, type ComposeImport } from '../lib/import/compose';
import { writeApp } from '../lib/import/typescript';
import { ladingPackageRoot } from '../lib/package-info';
import { fsErrorLine, isFsError } from '../lib/synth/output/output-error';
import { synthApps } from '../lib/synth/synth';
import { failedTargetsHint } from '../lib/synth/failed-targets';

/** Exit codes, as the CLI's. */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export interface ImportIo {
  out(s: string): void;
  err(s: string): void;
}

export interface ImportFlags {
  out?: string;
  name?: string;
  profile?: string[];
  force?: boolean;
  /** Variables of the shell whose values may enter the outputs as they are. */
  allowHostVariable?: string[];
  /** Whether env_file and extends files outside the Compose file's folder may be read. */
  allowOutsideFiles?: boolean;
}

export interface ComposeSynthFlags {
  compose: string;
  target: TargetName[];
  out: string;
  strict?: boolean;
  name?: string;
  profile?: string[];
}

/**
 * What a written app imports the model from: `lading`, except for an app written inside a checkout of lading
 * itself (its own apps/), which imports the model's source by a relative path.
 */
export function modelImportFor(outFile: string): string {
  const root = ladingPackageRoot();
  const model = path.join(root, 'lib', 'model');
  const inside = !path.relative(root, path.resolve(outFile)).startsWith('..');
  if (!inside || !fs.existsSync(path.join(model, 'index.ts'))) return 'lading';
  const relative = path.relative(path.dirname(path.resolve(outFile)), model).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function print(io: ImportIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) (d.severity === 'error' ? io.err : io.out)(`${formatDiagnostic(d)}\n`);
}

/** Loads the file; prints a malformed file's one error line and returns undefined. */
function load(file: string, flags: { name?: string; profile?: string[]; allowHostVariable?: string[]; allowOutsideFiles?: boolean }, io: ImportIo): ComposeImport | undefined {
  try {
    return loadCompose({
      file,
      env: process.env,
      projectRoot: process.cwd(),
      ...(flags.allowHostVariable ? { allowHostVariables: flags.allowHostVariable } : {}),
      ...(flags.allowOutsideFiles ? { allowOutsideFiles: true } : {}),
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.profile ? { profiles: flags.profile } : {}),
    });
  } catch (e) {
    if (!ComposeFileError.is(e)) throw e;
    io.err(`${formatDiagnostic(e.diagnostic)}\n`);
    return undefined;
  }
}

/** `lading import FILE`: writes the Compose file as an app module. */
export function runImport(file: string, flags: ImportFlags, io: ImportIo): number {
  const imported = load(file, flags, io);
  if (!imported) {
    io.err('import failed: the file above cannot be read; nothing was written\n');
    return EXIT_FAILED;
  }
  print(io, imported.diagnostics);
  if (!imported.system) {
    io.err('import failed: errors above; nothing was written\n');
    return EXIT_FAILED;
  }
  const out = flags.out ?? path.join('apps', `${imported.plan.name}.ts`);
  if (fs.existsSync(out) && !flags.force) {
    io.err(`${out} already exists: pass --force to overwrite it, or --out to write elsewhere\n`);
    return EXIT_USAGE;
  }
  const modelImport = modelImportFor(out);
  const source = path.relative(path.dirname(path.resolve(out)), path.resolve(file)).split(path.sep).join('/');
  const text = writeApp(imported.plan, { modelImport, source, diagnostics: imported.diagnostics });
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
  } catch (e) {
    if (!isFsError(e)) throw e;
    io.err(`error ${fsErrorLine(out, e, 'Pass --out with the path of a file to write; nothing was written')}\n`);
    return EXIT_FAILED;
  }
  const { workloads } = imported.plan;
  const services = workloads.filter((w) => w.kind === 'service').length;
  const sidecars = workloads.reduce((n, w) => n + w.sidecars.length, 0);
  io.out(`wrote ${out}: system ${imported.plan.name}, ${services} service(s), ${workloads.length - services} job(s), ${sidecars} sidecar(s)\n`);
  return EXIT_OK;
}

/** `lading synth --compose FILE`: renders a Compose file to the targets without writing TypeScript. */
export async function runComposeSynth(flags: ComposeSynthFlags, io: ImportIo): Promise<number> {
  const imported = load(flags.compose, flags, io);
  if (!imported) {
    io.err(`synth failed: the file above cannot be read; ${flags.out}/ was left as it was\n`);
    return EXIT_FAILED;
  }
  print(io, imported.diagnostics);
  const importFailed = !imported.system || (flags.strict === true && imported.diagnostics.some((d) => d.severity === 'warning'));
  if (!imported.system || importFailed) {
    io.err(`synth failed: ${flags.strict ? 'errors or warnings (--strict)' : 'errors'} above; ${flags.out}/ was left as it was\n`);
    return EXIT_FAILED;
  }
  const spec = imported.system.toSpec();
  const result = await synthApps([{ name: spec.name, file: flags.compose, spec }], {
    targets: flags.target,
    outDir: path.resolve(flags.out),
    strict: flags.strict,
    projectRoot: process.cwd(),
    apps: [spec.name],
  });
  print(io, result.diagnostics);
  if (result.failed) {
    const hint = flags.strict ? '' : failedTargetsHint(result.diagnostics, flags.target);
    io.err(`synth failed: ${flags.strict ? 'errors or warnings (--strict)' : 'errors'} above; ${flags.out}/ was left as it was.${hint}\n`);
    return EXIT_FAILED;
  }
  io.out(`synthesized ${spec.name} from ${flags.compose} for ${flags.target.join(', ')} into ${flags.out}/ (${result.written.length} files)\n`);
  return EXIT_OK;
}
