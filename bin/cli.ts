import { Command, CommanderError, Option } from 'commander';
import * as path from 'path';
import { formatDiagnostic, TARGET_NAMES, TargetName } from '../lib/diagnostics/diagnostic';
import { AppLoadError } from '../lib/synth/load-apps';
import { synth } from '../lib/synth/synth';

const { version } = require('../package.json') as { version: string };

/** Exit codes: 0 success, 1 a diagnostic error or a mistake in an app, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface SynthFlags {
  target: string[];
  app?: string[];
  out: string;
  strict?: boolean;
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
    .description('render the apps to dist/: dist/compose/<app>/compose.yaml, dist/kubernetes/<app>.k8s.yaml, dist/ecs/<app>/')
    .addOption(
      new Option('-t, --target <target...>', 'targets to render').choices([...TARGET_NAMES, 'all']).default(['all']),
    )
    .option('-a, --app <name...>', 'only these apps (System names)')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--strict', 'treat warnings as errors')
    .option('--apps-dir <dir>', 'folder of app modules, each exporting a System', 'apps')
    .action(async (flags: SynthFlags) => {
      code = await runSynth(flags, io);
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
    throw e;
  }
  return code;
}

async function runSynth(flags: SynthFlags, io: Io): Promise<number> {
  const targets: TargetName[] = flags.target.includes('all') ? [...TARGET_NAMES] : [...new Set(flags.target as TargetName[])];
  try {
    const result = await synth({
      appsDir: path.resolve(flags.appsDir),
      apps: flags.app,
      targets,
      outDir: path.resolve(flags.out),
      strict: flags.strict,
    });
    for (const d of result.diagnostics) (d.severity === 'error' ? io.err : io.out)(`${formatDiagnostic(d)}\n`);
    if (result.failed) {
      const why = flags.strict ? 'errors or warnings (--strict)' : 'errors';
      io.err(`synth failed: ${why} above; ${flags.out}/ was left as it was\n`);
      return EXIT_FAILED;
    }
    io.out(`synthesized ${result.apps.length} app(s) for ${targets.join(', ')} into ${flags.out}/ (${result.written.length} files)\n`);
    return EXIT_OK;
  } catch (e) {
    if (AppLoadError.is(e)) {
      for (const line of e.lines) io.err(`error ${line}\n`);
      io.err(`synth failed; ${flags.out}/ was left as it was\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};
