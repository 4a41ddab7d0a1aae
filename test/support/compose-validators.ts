import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Checks a compose file with two tools that lading did not write:
 * - the compose-spec JSON schema that dclint ships (node_modules/dclint/schemas/compose.schema.json), compiled
 *   with ajv;
 * - `docker-compose -f FILE config -q` (Debian's docker-compose 1.29.2, offline).
 * A missing tool is an error, never a skip.
 */

// dclint's package exports do not include its schemas, so the file is read from its installed folder.
const SCHEMA_PATH = path.resolve(__dirname, '../../node_modules/dclint/schemas/compose.schema.json');
let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  if (!fs.existsSync(SCHEMA_PATH)) {
    throw new Error(`the compose-spec schema is missing at ${SCHEMA_PATH}. Run \`npm ci\` (dclint ships the schema).`);
  }
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // ajv picks the draft from its own class, and rejects the `$schema` URL this copy declares.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

/** The compose-spec schema's complaints about a compose file, one line each; empty when it is valid. */
export function composeSchemaErrors(content: string): string[] {
  let document: unknown;
  try {
    document = parse(content);
  } catch (e) {
    return [`not YAML: ${(e as Error).message}`];
  }
  const validate = schemaValidator();
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());
}

const INSTALL_HINT = 'Install it with `apt-get install -y docker-compose` (Debian\'s docker-compose 1.29.2 runs offline).';

let dockerComposeFound = false;

/**
 * Fails with the way to install docker-compose when it is missing. `env` is the environment the tool is looked
 * up in (its PATH); the answer for this process's own environment is remembered.
 */
export function requireDockerCompose(env: NodeJS.ProcessEnv = process.env): void {
  const own = env === process.env;
  if (own && dockerComposeFound) return;
  const probe = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim();
    throw new Error(`docker-compose is needed to check compose files, and it is not usable here (${why}). ${INSTALL_HINT}`);
  }
  if (own) dockerComposeFound = true;
}

/**
 * The file without its top-level `name:` key, which docker-compose 1.29.2 predates. Only a one-line scalar
 * `name:` at the start of a line is removed; anything else is left for the tool to judge.
 */
export function withoutTopLevelName(content: string): string {
  return content.replace(/^name:[^\n]*\n(?![ \t])/m, '');
}

/** Variables that a file requires from the environment (`${DB_PASSWORD:?...}`), so a check can set them. */
export function requiredVariables(content: string): string[] {
  const names = new Set<string>();
  for (const m of content.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)) names.add(m[1]);
  return [...names].sort();
}

/**
 * docker-compose 1.29.2's complaints about a compose file; empty when `config -q` accepts it.
 *
 * `fileDir` is the directory where the file lives, or will: the check runs on a copy in a fresh temporary
 * directory (next to nothing else, so no `.env` or override file is read), with `--project-directory fileDir`
 * so that relative build contexts and bind mounts resolve as they will for the real file. Variables the file
 * requires get a placeholder value; no other variable of this process reaches the tool.
 */
export function dockerComposeErrors(content: string, fileDir: string): string[] {
  requireDockerCompose();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-compose-check-'));
  try {
    const file = path.join(dir, 'compose.yaml');
    fs.writeFileSync(file, withoutTopLevelName(content));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' };
    for (const name of requiredVariables(content)) env[name] = 'placeholder';
    const run = spawnSync('docker-compose', ['-f', file, '--project-directory', path.resolve(fileDir), 'config', '-q'], {
      encoding: 'utf8',
      env,
      cwd: dir,
    });
    if (run.error) throw run.error;
    if (run.status === 0) return [];
    const output = `${run.stderr}${run.stdout}`.trim();
    return output.length > 0 ? output.split('\n') : [`docker-compose exited with ${run.status}`];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws, with every complaint of both tools, unless the compose-spec schema and docker-compose accept the file. */
export function expectValidCompose(content: string, fileDir: string): void {
  const schema = composeSchemaErrors(content);
  const tool = dockerComposeErrors(content, fileDir);
  if (schema.length === 0 && tool.length === 0) return;
  const lines = [
    ...(schema.length > 0 ? ['compose-spec schema:', ...schema.map((l) => `  ${l}`)] : []),
    ...(tool.length > 0 ? ['docker-compose config:', ...tool.map((l) => `  ${l}`)] : []),
  ];
  throw new Error(`compose file rejected\n${lines.join('\n')}\n--- file ---\n${content}`);
}
