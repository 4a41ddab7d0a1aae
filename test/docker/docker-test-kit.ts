import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic';
import type { System } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';
import { dockerTarget } from '../../lib/targets/docker';
import type { TargetResult } from '../../lib/targets/target';
import { rejectedByClient, requireTool, scriptProblems, type ClientVerdict } from '../support/docker-validators';
import { CONTEXT, PROJECT_ROOT, renderWith, withCode } from '../support/target-kit';

export { CONTEXT, PROJECT_ROOT, withCode };

export interface DockerRender {
  readonly result: TargetResult;
  readonly spec: SystemSpec;
  /** The script ('' when an error stopped the output). */
  readonly script: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: readonly string[];
}

/** Renders a system (or its spec) with the docker target. Every script is checked by `bash -n` and shellcheck first. */
export function renderDocker(system: System | SystemSpec): DockerRender {
  const { result, spec, text: script, diagnostics, codes } = renderWith(dockerTarget, system, (app) => `${app}.sh`);
  if (script) expect(scriptProblems(script)).toEqual([]);
  return { result, spec, script, diagnostics, codes };
}

/**
 * A `docker` that records its arguments (a count, then each argument, NUL-separated) and answers as a host
 * would: one leftover container, network and volume to remove; no network yet; every container running and
 * healthy; every waited-for container exited with 0. DOCKER_FAIL names a subcommand that fails instead;
 * DOCKER_SHOW_ENV names a variable whose value in docker's environment is printed to stderr.
 */
const RECORDING_DOCKER = `#!/bin/sh
printf '%s\\0' "$#" "$@" >> "$DOCKER_RECORD"
if [ -n "\${DOCKER_SHOW_ENV:-}" ]; then printf '%s %s=%s\\n' "$1" "$DOCKER_SHOW_ENV" "$(printenv "$DOCKER_SHOW_ENV")" >&2; fi
if [ -n "\${DOCKER_FAIL:-}" ] && [ "$1" = "$DOCKER_FAIL" ]; then exit 1; fi
case "$1 \${2:-}" in
  'ps '*|'network ls'|'volume ls') echo 0123456789ab ;;
  'network inspect') exit 1 ;;
  'inspect '*) echo "\${DOCKER_HEALTH:-running healthy}" ;;
  'wait '*) echo 0 ;;
esac
exit 0
`;

export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every docker command line the script ran, in order, as argument lists. */
  readonly calls: readonly (readonly string[])[];
  /** The project root the script resolved (a temporary folder, removed after the run). */
  readonly root: string;
  /**
   * With `checkClient`: the command lines the real Docker client did not parse, checked while the project root
   * still exists (`docker build` reads its context first). Empty when the client accepted every one.
   */
  readonly rejected: readonly ClientVerdict[];
}

export interface RunOptions {
  readonly env?: Record<string, string>;
  /** Check every command line with the real Docker client. @default false */
  readonly checkClient?: boolean;
}

function parseRecord(raw: string): string[][] {
  const fields = raw.split('\0');
  const calls: string[][] = [];
  let i = 0;
  while (i < fields.length - 1) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}

/**
 * Runs a script as `sh dist/docker/<app>.sh ARGS` from a temporary project root (its apps/ and test/ folders
 * are the repository's), with the recording `docker` first on the PATH and `env` added to the environment.
 */
export function runScript(render: DockerRender, args: readonly string[] = [], options: RunOptions = {}): ScriptRun {
  requireTool('bash');
  if (!render.script) throw new Error(`no script to run for ${render.spec.name}: ${render.codes.join(', ')}`);
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lading-docker-run-')));
  const bin = path.join(root, 'bin');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(root, 'dist', 'docker'), { recursive: true });
  fs.symlinkSync(path.join(PROJECT_ROOT, 'apps'), path.join(root, 'apps'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'test'), path.join(root, 'test'));
  fs.writeFileSync(path.join(bin, 'docker'), RECORDING_DOCKER, { mode: 0o755 });
  const relative = path.join('dist', 'docker', `${render.spec.name}.sh`);
  fs.writeFileSync(path.join(root, relative), render.script);
  const record = path.join(root, 'record');
  fs.writeFileSync(record, '');
  try {
    const r = spawnSync('sh', [relative, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: root, DOCKER_RECORD: record, ...options.env },
      timeout: 60_000,
    });
    const calls = parseRecord(fs.readFileSync(record, 'utf8'));
    const rejected = options.checkClient ? rejectedByClient(calls) : [];
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, calls, root, rejected };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The calls that start with the given words: `callsOf(run, 'run')`, `callsOf(run, 'network', 'connect')`. */
export function callsOf(run: ScriptRun, ...words: string[]): (readonly string[])[] {
  return run.calls.filter((c) => words.every((w, i) => c[i] === w));
}

/** Every value of a flag in one call, in order. */
export function flagValues(call: readonly string[], flag: string): string[] {
  const out: string[] = [];
  call.forEach((arg, i) => {
    if (arg === flag && i + 1 < call.length) out.push(call[i + 1]);
  });
  return out;
}

/** The name given with `--name` in a call. */
export function nameOf(call: readonly string[]): string | undefined {
  return flagValues(call, '--name')[0];
}

/** The call that creates or runs the named container. */
export function containerCall(run: ScriptRun, name: string): readonly string[] {
  const call = run.calls.find((c) => (c[0] === 'run' || c[0] === 'create') && nameOf(c) === name);
  if (!call) throw new Error(`no docker run or create of ${name} in\n${run.calls.map((c) => c.join(' ')).join('\n')}`);
  return call;
}
