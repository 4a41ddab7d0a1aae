import * as fs from 'fs';
import * as path from 'path';
import { ModelError, System } from '../model';
import { show } from '../model/errors';
import type { SystemSpec } from '../model/spec';
import { DEFAULT_STAGE } from '../model/stage';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { declaredStages, undeclaredStageFinding, unknownStageLines, type StagedModule } from './declared-stages';
import { exportsStageFunction, resolveStage, stageNameProblem } from './resolve-stage';

/** One example or user app: a module in the apps folder that exports a System. */
export interface LoadedApp {
  readonly name: string;
  /** The module's path relative to the working directory. */
  readonly file: string;
  readonly spec: SystemSpec;
  /** What loading found about the app itself (a stage it was built for without naming its stages). */
  readonly findings?: readonly Diagnostic[];
}

/** A user's mistake found while loading apps: one line per problem, no stack trace. */
export class AppLoadError extends Error {
  public readonly isAppLoadError = true;
  constructor(public readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'AppLoadError';
  }
  static is(e: unknown): e is AppLoadError {
    return typeof e === 'object' && e !== null && (e as { isAppLoadError?: unknown }).isAppLoadError === true;
  }
}

/** The app modules in a folder: `*.ts` and `*.js` files directly inside it (not `*.d.ts`), sorted. */
function discoverAppFiles(appsDir: string): string[] {
  if (!fs.existsSync(appsDir) || !fs.statSync(appsDir).isDirectory()) {
    throw new AppLoadError([`${appsDir}: no such folder. Create it and put one app module in it per system.`]);
  }
  return fs
    .readdirSync(appsDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(appsDir, f));
}

/**
 * Loads every app module of `appsDir` (or those whose System is named in `names`) and returns the validated
 * specs, sorted by name. A module that exports a stage function builds `stage`. Throws AppLoadError with one line
 * per mistake.
 */
export function loadApps(appsDir: string, names?: readonly string[], given?: string): LoadedApp[] {
  const stage = given ?? DEFAULT_STAGE;
  const badStage = stageNameProblem(stage);
  if (badStage) throw new AppLoadError([badStage]);
  const files = discoverAppFiles(appsDir);
  const lines: string[] = [];
  const apps: LoadedApp[] = [];
  const seen = new Map<string, string>();
  // modules that failed to load; with `names`, only those that may define a named app count
  const failures: Array<{ file: string; lines: string[] }> = [];
  const staged: StagedModule[] = [];
  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    let systems: System[];
    let stageResult: { result: unknown } | undefined;
    let declared: ReturnType<typeof declaredStages>;
    try {
      const exported = requireWithoutExit(path.resolve(file));
      declared = exportsStageFunction(exported) ? declaredStages(exported, rel) : undefined;
      if (declared && 'problem' in declared) {
        lines.push(declared.problem);
        continue;
      }
      if (declared && !declared.stages.includes(stage)) {
        // not built: the stage function would build whatever it returns for a name it does not know
        if (chosenModule(exported, rel, stage, names)) staged.push({ file: rel, declared: declared.stages });
        continue;
      }
      const built = resolveStage(exported, stage);
      if (exportsStageFunction(exported)) stageResult = { result: typeof exported === 'function' ? built : (built as { default?: unknown }).default };
      systems = systemsOf(built);
    } catch (e) {
      failures.push({ file: rel, lines: describeLoadError(rel, e) });
      continue;
    }
    if (systems.length === 0) {
      lines.push(stageResult ? stageFunctionProblem(rel, stageResult.result, stage) : `${rel}: exports no System. Add \`export default app\` where app is the System.`);
      continue;
    }
    const chosen = systems.filter((system) => !(names && names.length > 0 && !names.includes(system.name)));
    if (stageResult && chosen.length > 0) staged.push({ file: rel, declared: declared?.stages });
    for (const system of chosen) {
      if (seen.has(system.name)) {
        lines.push(`${rel}: System ${JSON.stringify(system.name)} is already defined in ${seen.get(system.name)}. Give each System its own name.`);
        continue;
      }
      seen.set(system.name, rel);
      try {
        const undeclared = stageResult && !declared ? undeclaredStageFinding(system.name, rel, stage) : undefined;
        apps.push({ name: system.name, file: rel, spec: system.toSpec(), findings: undeclared ? [undeclared] : [] });
      } catch (e) {
        lines.push(...describeLoadError(rel, e));
      }
    }
  }
  lines.push(...unknownStageLines(stage, staged, given !== undefined));
  const wanted = names && names.length > 0 ? names : undefined;
  const missing = wanted ? wanted.filter((n) => !seen.has(n)) : [];
  for (const f of failures) {
    const stem = path.basename(f.file).replace(/\.(ts|js)$/, '');
    if (!wanted || missing.length > 0 || wanted.includes(stem)) lines.push(...f.lines);
  }
  if (names) {
    const known = [...seen.keys()];
    for (const n of names) {
      if (!seen.has(n) && !lines.some((l) => l.includes(n))) {
        lines.push(`--app ${n}: no such app in ${appsDir}. Known apps: ${knownAppNames(appsDir, known, stage).join(', ') || 'none'}.`);
      }
    }
  }
  if (lines.length > 0) throw new AppLoadError(lines);
  return apps.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Whether `--app` (when given) picks a module whose stage is not built: by the Systems it builds, or else by its file name. */
function chosenModule(exported: unknown, file: string, stage: string, names?: readonly string[]): boolean {
  if (!names || names.length === 0) return true;
  try {
    return systemsOf(resolveStage(exported, stage)).some((s) => names.includes(s.name));
  } catch {
    return names.includes(path.basename(file).replace(/\.(ts|js)$/, ''));
  }
}

function knownAppNames(appsDir: string, fallback: string[], stage: string): string[] {
  try {
    return discoverAppFiles(appsDir)
      .flatMap((f) => {
        try {
          return systemsOf(resolveStage(require(path.resolve(f)), stage)).map((s) => s.name);
        } catch {
          return [];
        }
      })
      .sort();
  } catch {
    return fallback.sort();
  }
}

/** Thrown in place of ending the process when an app module calls `process.exit` while it loads. */
class AppExitCall extends Error {
  constructor(public readonly exitCode: unknown) {
    super('process.exit called');
  }
}

/**
 * Loads a module with `process.exit` replaced for the duration: an app that calls it would end synth with
 * nothing written and, with code 0, with success. The call becomes a mistake located in the app instead.
 */
function requireWithoutExit(file: string): unknown {
  const exit = process.exit;
  process.exit = ((code?: unknown) => {
    throw new AppExitCall(code);
  }) as typeof process.exit;
  try {
    return require(file);
  } finally {
    process.exit = exit;
  }
}

/** The line for a stage function that built no System for `stage`: what it returned instead. */
function stageFunctionProblem(file: string, result: unknown, stage: string): string {
  const got = result === undefined ? 'undefined' : result === null ? 'null' : typeof result === 'object' ? 'an object that is not a System' : show(result);
  return `${file}: the stage function returned no System for stage ${stage} (got ${got}). Return the System for every stage, or throw an Error that names the stages the app knows.`;
}

function systemsOf(mod: unknown): System[] {
  // `module.exports = app`: the module is the System itself
  if (System.isSystem(mod)) return [mod as System];
  if (!mod || typeof mod !== 'object') return [];
  const out: System[] = [];
  for (const v of Object.values(mod as Record<string, unknown>)) if (System.isSystem(v) && !out.includes(v)) out.push(v);
  return out;
}

/** Turns an error thrown while loading an app into lines a user can act on. */
function describeLoadError(file: string, e: unknown): string[] {
  if (ModelError.is(e)) return (e as Error).message.split('\n');
  const err = e as { message?: unknown; stack?: unknown; diagnosticText?: unknown };
  // ts-node reports compile errors with their own file:line text
  if (typeof err?.diagnosticText === 'string') {
    return err.diagnosticText
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.trim())
      .slice(0, 10);
  }
  if (e instanceof AppExitCall) {
    const where = locate(file, e.stack ?? '');
    return [`${where}: the app called process.exit while it was loading (got ${show(e.exitCode ?? 0)}). Remove the call: lading loads the app and writes the output itself.`];
  }
  if (!(e instanceof Error) && !(typeof e === 'object' && e !== null && typeof err.message === 'string')) {
    return [`${file}: the app threw a value that is not an Error (got ${show(e)}). Throw an Error instead: throw new Error('what went wrong').`];
  }
  const swc = swcSyntaxError(file, String(err?.message ?? ''));
  if (swc) return [swc];
  const message = String(err?.message ?? e).split('\n').find((l) => l.trim() !== '') ?? String(e);
  const where = locate(file, typeof err?.stack === 'string' ? err.stack : '');
  return [`${where}: ${message.trim()}`];
}

/** The first stack frame inside the app file (`apps/x.ts:12`), or the file itself. */
function locate(file: string, stack: string): string {
  const abs = path.resolve(file);
  for (const line of stack.split('\n')) {
    const m = /\(?([^\s()]+):(\d+):\d+\)?$/.exec(line.trim());
    if (m && path.resolve(m[1]) === abs) return `${file}:${m[2]}`;
  }
  const syntax = /^(.*):(\d+)$/m.exec(stack.split('\n')[0] ?? '');
  if (syntax && path.resolve(syntax[1]) === abs) return `${file}:${syntax[2]}`;
  return file;
}

/** swc reports a syntax error as `x <message>` followed by a code frame with line numbers and a caret. */
function swcSyntaxError(file: string, message: string): string | undefined {
  const lines = message.split('\n');
  const head = /^\s*x\s+(.*)$/.exec(lines[0] ?? '');
  if (!head) return undefined;
  let last: string | undefined;
  let line: string | undefined;
  for (const l of lines) {
    const numbered = /^\s*(\d+)\s\|/.exec(l);
    if (numbered) last = numbered[1];
    else if (/^\s*:\s*\^/.test(l) && last) {
      line = last;
      break;
    }
  }
  line ??= /,-\[[^\]]*:(\d+):\d+\]/.exec(message)?.[1];
  return `${file}${line ? `:${line}` : ''}: ${head[1].trim()}`;
}
