import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { requiredVariables } from './compose-validators';
import { NO_DAEMON, requireTool } from './docker-validators';

/**
 * Checks a stack file with the Docker CLI's own stack loader: `docker stack config -c FILE`, the code that
 * `docker stack deploy` runs before it talks to a manager. With DOCKER_HOST at a socket that does not exist, it
 * loads, interpolates and validates the file (forbidden keys such as `cpu_shares` included) and prints the
 * result, without an engine. Anything it says on stderr counts as a complaint. `stack config` keeps the keys that
 * `stack deploy` then ignores with only a warning, so those are looked for in the file too: the Docker CLI's
 * `UnsupportedProperties` and `DeprecatedProperties` (cli/compose/types/types.go), and `depends_on`, which
 * `stack deploy` drops without a word. Variables the file requires are set to a placeholder. A missing docker
 * client is an error, never a skip.
 */
export interface StackVerdict {
  readonly status: number | null;
  /** What the loader printed: the stack as Swarm reads it. */
  readonly stdout: string;
  readonly stderr: string;
}

/** Service keys that `docker stack deploy` ignores. */
export const IGNORED_BY_STACK_DEPLOY: readonly string[] = [
  'build', 'cgroupns_mode', 'cgroup_parent', 'container_name', 'depends_on', 'devices', 'domainname', 'expose',
  'external_links', 'ipc', 'links', 'mac_address', 'network_mode', 'pid', 'privileged', 'restart', 'security_opt',
  'shm_size', 'userns_mode',
];

let clientConfig: string | undefined;

/**
 * Runs `docker stack config` on one stack file's text; `PATH` is where the client is looked up. `variables` is the
 * deploying shell's environment; by default each variable the file requires is set to `value-of-<NAME>`.
 */
export function stackConfig(content: string, PATH: string | undefined = process.env.PATH, variables?: Readonly<Record<string, string>>): StackVerdict {
  requireTool('docker', PATH === process.env.PATH ? process.env : { PATH });
  clientConfig ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lading-swarm-config-'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-swarm-'));
  try {
    const file = path.join(dir, 'stack.yaml');
    fs.writeFileSync(file, content);
    const env: NodeJS.ProcessEnv = { PATH, HOME: clientConfig, DOCKER_CONFIG: clientConfig, DOCKER_HOST: NO_DAEMON };
    if (variables) Object.assign(env, variables);
    else for (const name of requiredVariables(content)) env[name] = `value-of-${name}`;
    const r = spawnSync('docker', ['stack', 'config', '-c', file], { encoding: 'utf8', env, cwd: dir, timeout: 30_000 });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The loader's complaints about a stack file, and the keys `docker stack deploy` would ignore: empty when it
 * exits 0, says nothing on stderr, and every key is one Swarm honours.
 */
export function stackConfigErrors(content: string): string[] {
  const verdict = stackConfig(content);
  const problems: string[] = [];
  if (verdict.status !== 0) problems.push(`docker stack config exited ${verdict.status}`);
  if (verdict.stderr !== '') problems.push(verdict.stderr);
  if (verdict.status === 0) {
    const services: Record<string, Record<string, unknown>> = parse(content).services ?? {};
    for (const [name, service] of Object.entries(services)) {
      const ignored = Object.keys(service).filter((k) => IGNORED_BY_STACK_DEPLOY.includes(k));
      if (ignored.length > 0) problems.push(`service ${name}: docker stack deploy ignores ${ignored.join(', ')}`);
    }
  }
  return problems;
}

/** Fails with the loader's words when it does not accept a stack file as it is. */
export function expectValidStack(content: string): void {
  const problems = stackConfigErrors(content);
  if (problems.length > 0) throw new Error(`docker stack config rejects the stack file:\n${problems.join('\n')}\n--- stack.yaml ---\n${content}`);
}
