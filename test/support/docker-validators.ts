import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Checks a docker script with tools that lading did not write:
 * - `bash -n` and Debian's `shellcheck` (as POSIX sh), for the script as a whole;
 * - the real Docker client, for every `docker` command line the script runs: with DOCKER_HOST pointing at a
 *   socket that does not exist, the client parses every flag and only then fails to connect, so a usage error
 *   or an unknown flag is told apart from a client that got as far as the daemon.
 * A missing tool is an error, never a skip.
 */

const HINTS: Record<string, string> = {
  shellcheck: "Install it with `apt-get install -y shellcheck` (Debian's package).",
  docker: "Install the Docker client (Debian's `apt-get install -y docker.io`; no engine is needed).",
  bash: 'Install bash.',
};

const found = new Set<string>();

/**
 * Fails with the way to install a tool when it is missing. `env` is the environment the tool is looked up in
 * (its PATH); the answer for this process's own environment is remembered.
 */
export function requireTool(tool: 'shellcheck' | 'docker' | 'bash', env: NodeJS.ProcessEnv = process.env): void {
  const own = env === process.env;
  if (own && found.has(tool)) return;
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim();
    throw new Error(`${tool} is needed to check docker scripts, and it is not usable here (${why}). ${HINTS[tool]}`);
  }
  if (own) found.add(tool);
}

function withScriptFile<T>(script: string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-docker-'));
  try {
    const file = path.join(dir, 'script.sh');
    fs.writeFileSync(file, script);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `bash -n` and `shellcheck -s sh` on a script: their complaints, empty when both accept it. */
export function scriptProblems(script: string): string[] {
  requireTool('bash');
  requireTool('shellcheck');
  return withScriptFile(script, (file) => {
    const problems: string[] = [];
    const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    if (syntax.status !== 0) problems.push(`bash -n: ${syntax.stderr.trim()}`);
    const lint = spawnSync('shellcheck', ['-s', 'sh', '-f', 'gcc', file], { encoding: 'utf8' });
    if (lint.status !== 0) problems.push(`shellcheck: ${(lint.stdout + lint.stderr).trim()}`);
    return problems;
  });
}

/** The socket the client is pointed at: it does not exist, so no command reaches a daemon. */
export const NO_DAEMON = 'unix:///nonexistent/lading-test/docker.sock';

/** What the real client said about one command line. */
export interface ClientVerdict {
  readonly args: readonly string[];
  /** True when the client parsed every flag and failed only because no daemon answered. */
  readonly parsed: boolean;
  readonly output: string;
}

let clientConfig: string | undefined;

/** Runs the real Docker client on one command line, pointed at a daemon that does not exist. */
export function clientVerdict(args: readonly string[]): ClientVerdict {
  requireTool('docker');
  clientConfig ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lading-docker-config-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: clientConfig, DOCKER_CONFIG: clientConfig, DOCKER_HOST: NO_DAEMON };
  const r = spawnSync('docker', [...args], { encoding: 'utf8', env, input: '', timeout: 30_000 });
  const output = `${r.stdout}${r.stderr}`.trim();
  const parsed = r.status !== 0 && output.includes(`Cannot connect to the Docker daemon at ${NO_DAEMON}`);
  return { args, parsed, output };
}

/** The verdicts on command lines the client did not parse: empty when it accepted every one. */
export function rejectedByClient(calls: readonly (readonly string[])[]): ClientVerdict[] {
  return calls.map(clientVerdict).filter((v) => !v.parsed);
}
