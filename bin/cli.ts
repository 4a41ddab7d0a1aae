import { Command, CommanderError, Option } from 'commander';
import * as path from 'path';
import { TARGET_NAMES, type Diagnostic, type TargetName } from '../lib/diagnostics/diagnostic';
import { countsPhrase, formatLines, shownAt, type Verbosity } from '../lib/diagnostics/pipeline';
import type { CheckFlags } from './check-command';
import type { ImportFlags } from './import-command';
import type { InitFlags } from './init-command';
import { drawApps, GRAPH_FORMATS, GraphFormat } from '../lib/synth/graph';
import { AppLoadError, loadApps, type LoadedApp } from '../lib/synth/load-apps';
import { synthApps } from '../lib/synth/synth';
import { ladingVersion } from '../lib/package-info';
import { DEFAULT_STAGE } from '../lib/model/stage';
import { OutputError } from '../lib/synth/write-output';

const version = ladingVersion();

/** Exit codes: 0 success, 1 a diagnostic error or a mistake in an app, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface SynthFlags {
  target: string[];
  app?: string[];
  stage?: string;
  out: string;
  strict?: boolean;
  appsDir: string;
  compose?: string;
  name?: string;
  profile?: string[];
  quiet?: boolean;
  verbose?: boolean;
  watch?: boolean;
}

interface GraphFlags {
  format: GraphFormat;
  app?: string[];
  stage?: string;
  appsDir: string;
}

/** Parses the arguments, runs the command and returns the exit code. Never throws for a user's mistake. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = new Command()
    .name('lading')
    .description('Describe containerized services once; render them to Compose, Kubernetes and ECS/Fargate.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run lading --help for usage)');

  program
    .command('synth')
    .description(
      'render the apps to dist/: dist/compose/<app>/compose.yaml, dist/kubernetes/<app>.k8s.yaml, dist/ecs/<app>/; ' +
        'with every target (the default) also dist/graph/<app>.svg and dist/graph/<app>.md',
    )
    .addOption(
      new Option('-t, --target <target...>', 'targets to render').choices([...TARGET_NAMES, 'all']).default(['all']),
    )
    .option('-a, --app <name...>', 'only these apps (System names)')
    .option('-s, --stage <name>', `the stage app modules that export a stage function build (default: ${DEFAULT_STAGE})`)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--strict', 'treat warnings as errors')
    .addOption(new Option('-q, --quiet', 'print errors only, then the summary').conflicts('verbose'))
    .option('-v, --verbose', 'print every note too (lading check --app NAME shows them by app)')
    .option('--apps-dir <dir>', 'folder of app modules, each exporting a System', 'apps')
    .option('--compose <file>', 'render this Compose file instead of the apps')
    .option('--name <name>', 'with --compose: the system name (default: the file\'s name, else its folder)')
    .option('--profile <profile...>', 'with --compose: Compose profiles to include')
    .option('-w, --watch', 'synth again on every change of an app module, a file it imports or a Dockerfile it builds; Ctrl-C stops')
    .action(async (flags: SynthFlags) => {
      if (flags.compose) {
        const targets = flags.target.includes('all') ? [...TARGET_NAMES] : [...new Set(flags.target as TargetName[])];
        const { runComposeSynth } = require('./import-command') as typeof import('./import-command');
        code = await runComposeSynth({ ...flags, compose: flags.compose, target: targets }, io);
      } else if (flags.watch) {
        const { runWatch } = require('./watch-command') as typeof import('./watch-command');
        code = await runWatch(path.resolve(flags.appsDir), io, (runIo, onApps) => runSynth(flags, runIo, onApps));
      } else code = await runSynth(flags, io);
    });

  program
    .command('init')
    .description('create a new project: package.json, tsconfig.json, apps/web.ts and its test, cdk.json, cdk8s.yaml')
    .argument('[dir]', 'the folder of the project, new or empty (default: the working directory)')
    .option('--force', 'write into a folder that is not empty, overwriting files of the same name')
    .action((dir: string | undefined, flags: InitFlags) => {
      const { runInit } = require('./init-command') as typeof import('./init-command');
      code = runInit(dir, flags, io);
    });

  program
    .command('import')
    .description('write a Compose file as an app module that builds the same system: apps/<name>.ts')
    .argument('<file>', 'the Compose file (compose.yaml, docker-compose.yml)')
    .option('-o, --out <file>', 'the app module to write (default: apps/<name>.ts)')
    .option('-n, --name <name>', "the system name (default: the file's name, else its folder)")
    .option('--profile <profile...>', 'Compose profiles to include')
    .option('--force', 'overwrite the app module if it exists')
    .option('--allow-host-variable <name...>', "variables of this shell whose values may be written into the app as they are (others become secrets or are refused)")
    .option('--allow-outside-files', 'read env_file and extends files outside the folder of the Compose file')
    .action((file: string, flags: ImportFlags) => {
      const { runImport } = require('./import-command') as typeof import('./import-command');
      code = runImport(file, flags, io);
    });

  program
    .command('check')
    .description('report, per app, service and target, which concepts map exactly, approximately or not at all; writes nothing')
    .option('-a, --app <name...>', 'only these apps (System names)')
    .option('-s, --stage <name>', `the stage app modules that export a stage function build (default: ${DEFAULT_STAGE})`)
    .addOption(new Option('-t, --target <target...>', 'targets to check').choices([...TARGET_NAMES, 'all']).default(['all']))
    .addOption(new Option('-f, --format <format>', 'text for people, json for CI').choices(['text', 'json']).default('text'))
    .option('--strict', 'count warnings as errors')
    .option('--security', 'add the security view: which restricted-profile requirements each workload meets on each target')
    .option('--apps-dir <dir>', 'folder of app modules, each exporting a System', 'apps')
    .action(async (flags: CheckFlags) => {
      const tty = io === processIo && process.stdout.isTTY === true;
      const { runCheck } = require('./check-command') as typeof import('./check-command');
      code = await runCheck(flags, io, { color: tty && !process.env.NO_COLOR, width: tty ? process.stdout.columns : undefined });
    });

  program
    .command('graph')
    .description('draw the apps: services and jobs, networks, published ports, dependencies and volumes')
    .addOption(
      new Option('-f, --format <format>', 'svg (laid out by Graphviz) for one app; mermaid or dot for one or more apps')
        .choices([...GRAPH_FORMATS])
        .default('svg'),
    )
    .option('-a, --app <name...>', 'only these apps (System names)')
    .option('-s, --stage <name>', `the stage app modules that export a stage function build (default: ${DEFAULT_STAGE})`)
    .option('--apps-dir <dir>', 'folder of app modules, each exporting a System', 'apps')
    .addHelpText(
      'after',
      '\nPrints to stdout. svg draws one app per run: pick it with --app NAME unless the apps folder holds only one.\n' +
        'mermaid and dot print every chosen app, each after a comment line naming it (%% app: NAME, // app: NAME).\n' +
        'lading synth with every target (the default) also writes dist/graph/<app>.svg and dist/graph/<app>.md.\n',
    )
    .action(async (flags: GraphFlags) => {
      code = await runGraph(flags, io);
    });

  if (argv.length <= 2) {
    io.err(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (AppLoadError.is(e)) {
      for (const line of e.lines) io.err(`error ${line}\n`);
      return EXIT_FAILED;
    }
    if (OutputError.is(e)) {
      io.err(`error ${e.line}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
  return code;
}

/** One synth: `onApps` is told which apps were loaded (`lading synth --watch` watches their files). */
async function runSynth(flags: SynthFlags, io: Io, onApps?: (apps: readonly LoadedApp[]) => void): Promise<number> {
  const targets: TargetName[] = flags.target.includes('all') ? [...TARGET_NAMES] : [...new Set(flags.target as TargetName[])];
  try {
    const apps = loadApps(path.resolve(flags.appsDir), flags.app, flags.stage);
    onApps?.(apps);
    const result = await synthApps(apps, {
      apps: flags.app,
      stage: flags.stage,
      targets,
      outDir: path.resolve(flags.out),
      strict: flags.strict,
      graph: flags.target.includes('all'),
    });
    for (const line of formatLines(shownAt(result.diagnostics, verbosityOf(flags)))) io.err(`${line}\n`);
    if (result.failed) {
      const why = flags.strict ? 'errors or warnings (--strict)' : 'errors';
      io.err(`synth failed: ${why} above; ${flags.out}/ was left as it was (${countsPhrase(result.diagnostics)})\n`);
      return EXIT_FAILED;
    }
    io.out(`${synthSummary(result.apps.length, targets.length, result.written.length, result.diagnostics, verbosityOf(flags))}; ${result.rendered.length} rendered, ${result.reused.length} reused\n`);
    return EXIT_OK;
  } catch (e) {
    if (AppLoadError.is(e)) {
      for (const line of e.lines) io.err(`error ${line}\n`);
      io.err(`synth failed; ${flags.out}/ was left as it was\n`);
      return EXIT_FAILED;
    }
    if (OutputError.is(e)) {
      io.err(`error ${e.line}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}

/** `--quiet` shows errors only, `--verbose` every note; warnings and errors by default. */
export function verbosityOf(flags: { quiet?: boolean; verbose?: boolean }): Verbosity {
  return flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
}

/**
 * The one line a synth ends with: `7 apps, 5 targets, 70 files; 0 errors, 14 warnings, 64 notes (...)`, followed by
 * how many apps were rendered and how many reused from the cache: `; 1 rendered, 6 reused`.
 */
function synthSummary(apps: number, targets: number, files: number, diagnostics: readonly Diagnostic[], verbosity: Verbosity): string {
  const hidden = shownAt(diagnostics, verbosity).length < diagnostics.length;
  const where = hidden ? ' (lading check --app NAME shows them)' : '';
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `${n(apps, 'app')}, ${n(targets, 'target')}, ${n(files, 'file')}; ${countsPhrase(diagnostics)}${where}`;
}

async function runGraph(flags: GraphFlags, io: Io): Promise<number> {
  const apps = loadApps(path.resolve(flags.appsDir), flags.app, flags.stage);
  if (flags.format === 'svg' && apps.length !== 1) {
    const names = apps.map((a) => a.name).join(', ') || 'none';
    io.err(`lading graph --format svg draws one app per run (got ${apps.length}: ${names}). Pick one with --app NAME, or use --format mermaid or dot.\n`);
    return EXIT_USAGE;
  }
  io.out(await drawApps(apps, flags.format));
  return EXIT_OK;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};
