import * as fs from 'fs';
import * as path from 'path';
import { isLabelKey } from '../../model/container';
import { ENV_KEY_PATTERN } from '../../model/env-name';
import { asBoolean, asMap, asScalar, asSeq, asString, at, entry, fail, interpolatedWithHost, type ImportContext } from './context';
import { parseDotenv } from './dotenv';
import { requiredReference, variableReference } from './interpolate';
import type { Located, LocatedMap } from './located';
import { outsideFileDir } from './paths';
import { readInput } from './read-input';
import type { SecretRegistry } from './secrets';

/** Names of variables whose value is a secret, in the key or in the variable it is read from. */
const SECRET_LIKE = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;

/** A message lading writes for a secret read from the host: it names the secret. */
const LADING_MESSAGE = /^set [A-Za-z_][A-Za-z0-9_]* to the value of secret ([a-z]([-a-z0-9]*[a-z0-9])?)$/;

export interface EnvironmentResult {
  readonly env: Record<string, string>;
  /** Environment variable -> secret id. */
  readonly secretEnv: Record<string, string>;
}

/**
 * `env_file` then `environment` (which wins), in map or list form. A value that is a variable of the deploying
 * host required with `${NAME:?...}`, or a variable whose name says it is a secret, becomes a Secret: its value
 * never enters the model.
 */
export function environmentOf(ctx: ImportContext, service: LocatedMap, keyPath: string, secrets: SecretRegistry): EnvironmentResult {
  const env: Record<string, string> = {};
  const secretEnv: Record<string, string> = {};
  const envFile = entry(service, 'env_file');
  if (envFile) for (const [k, v] of Object.entries(readEnvFiles(ctx, envFile.value, `${keyPath}.env_file`))) env[k] = v;
  const environment = entry(service, 'environment');
  if (environment) {
    const p = `${keyPath}.environment`;
    for (const item of rawItems(ctx, environment.value, p)) {
      if (!ENV_KEY_PATTERN.test(item.key)) {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, item.path, item.line),
          `${JSON.stringify(item.key)} is not a variable name the model accepts: it is left out.`,
          "Use letters, digits, '_', '-' and '.', not starting with a digit.",
        );
        continue;
      }
      delete env[item.key];
      delete secretEnv[item.key];
      // `- DB_PASSWORD` with a value in .env passes it through as `DB_PASSWORD: ${DB_PASSWORD}` does: a secret as that one is
      const inDotenv = ctx.lookup(item.key) !== undefined && !ctx.fromHost(item.key);
      const raw = item.raw === undefined && inDotenv && SECRET_LIKE.test(item.key) ? `\${${item.key}}` : item.raw;
      if (raw === undefined) {
        const value = ctx.lookup(item.key);
        if (value !== undefined && ctx.fromHost(item.key)) {
          const id = secrets.forVariable(item.key, undefined, item.path, item.line);
          secretEnv[item.key] = id;
          ctx.reporter.report(
            'import/secret-variable',
            at(ctx, item.path, item.line),
            `${item.key} passes the importing host's value through: it becomes secret ${id}, and its value enters no output.`,
            `Compose reads it from ${item.key} at \`docker compose up\`, Swarm at \`docker stack deploy\`; Kubernetes and ECS from their secret stores.`,
          );
          continue;
        }
        if (value !== undefined) env[item.key] = value;
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, item.path, item.line),
          value === undefined
            ? `${item.key} passes the deploying host's value through, which the model cannot: it is not set here, so it is left out.`
            : `${item.key} passes the deploying host's value through, which the model cannot: it keeps the value it has in .env.`,
          `Write the value, or read it from a secret if it is one.`,
        );
        continue;
      }
      const secret = secretOf(ctx, item.key, raw, item.path, item.line, secrets);
      if (secret) secretEnv[item.key] = secret;
      else if (typeof raw !== 'string') env[item.key] = String(raw);
      else {
        const { value, host } = interpolatedWithHost(ctx, raw, item.path, item.line);
        if (host.length === 0) env[item.key] = value;
        else secretEnv[item.key] = composedSecret(ctx, item.key, raw, host, item.path, item.line, secrets);
      }
    }
  }
  return { env, secretEnv };
}

interface RawItem {
  readonly key: string;
  /** undefined: take the value from the deploying host's environment. */
  readonly raw: string | number | boolean | undefined;
  readonly path: string;
  readonly line: number;
}

function rawItems(ctx: ImportContext, node: Located, keyPath: string): RawItem[] {
  if (node.kind === 'seq') {
    return node.items.map((item, i) => {
      const p = `${keyPath}[${i}]`;
      const text = asScalar(ctx, item, p).value as string | number | boolean;
      const s = String(text);
      const eq = s.indexOf('=');
      return eq < 0 ? { key: s, raw: undefined, path: p, line: item.line } : { key: s.slice(0, eq), raw: s.slice(eq + 1), path: p, line: item.line };
    });
  }
  const map = asMap(ctx, node, keyPath);
  return [...map.entries].map(([key, e]) => {
    const p = `${keyPath}.${key}`;
    if (e.value.kind === 'scalar' && e.value.value === null) return { key, raw: undefined, path: p, line: e.line };
    const scalar = asScalar(ctx, e.value, p);
    return { key, raw: scalar.text ?? (scalar.value as string | number | boolean), path: p, line: e.line };
  });
}

function secretOf(ctx: ImportContext, key: string, raw: string | number | boolean, keyPath: string, line: number, secrets: SecretRegistry): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const required = requiredReference(raw);
  if (required) {
    const hint = LADING_MESSAGE.exec(required.message)?.[1];
    return secrets.forVariable(required.name, hint, keyPath, line);
  }
  const variable = variableReference(raw);
  if (variable && !SECRET_LIKE.test(key) && !SECRET_LIKE.test(variable) && ctx.lookup(variable) !== undefined && ctx.fromHost(variable)) {
    const id = secrets.forVariable(variable, undefined, keyPath, line);
    ctx.reporter.report(
      'import/secret-variable',
      at(ctx, keyPath, line),
      `${key} reads ${variable} from the importing host's environment: it becomes secret ${id}, and its value enters no output.`,
      `Compose reads it from ${variable} at \`docker compose up\`, Swarm at \`docker stack deploy\`; Kubernetes and ECS from their secret stores. To write the value instead, put it in .env beside the file or pass --allow-host-variable ${variable}.`,
    );
    return id;
  }
  if (variable && (SECRET_LIKE.test(key) || SECRET_LIKE.test(variable))) {
    const id = secrets.forVariable(variable, undefined, keyPath, line);
    const dropped = /^\$\{[A-Za-z0-9_]+:?-/.test(raw) ? ' Its default is not kept: the variable must be set.' : '';
    ctx.reporter.report(
      'import/secret-variable',
      at(ctx, keyPath, line),
      `${key} reads ${variable}, which holds a secret: it becomes secret ${id}, and its value enters no output.${dropped}`,
      `Compose reads it from ${variable} at \`docker compose up\`, Swarm at \`docker stack deploy\`; Kubernetes and ECS from their secret stores.`,
    );
    return id;
  }
  return undefined;
}

/**
 * An environment value composed of text and variables of the importing host (`postgres://app:${DB_PASSWORD}@db/app`):
 * the whole value becomes one Secret, since no target builds a value out of text and a secret, and the finding says
 * what the secret must hold.
 */
function composedSecret(ctx: ImportContext, key: string, raw: string, host: readonly string[], keyPath: string, line: number, secrets: SecretRegistry): string {
  const id = secrets.forComposed(key, raw);
  const names = host.join(', ');
  ctx.reporter.report(
    'import/secret-composed',
    at(ctx, keyPath, line),
    `${key} is composed of text and ${names} from the importing host's environment: the whole value becomes secret ${id}, which must hold it composed (got ${JSON.stringify(raw)}).`,
    `Store the composed value in secret ${id} (on Compose, set ${secrets.envNameOf(id)} at \`docker compose up\`), or write the value in the file or in .env beside it.`,
  );
  return id;
}

function readEnvFiles(ctx: ImportContext, node: Located, keyPath: string): Record<string, string> {
  const items = node.kind === 'seq' ? node.items.map((n, i) => ({ n, p: `${keyPath}[${i}]` })) : [{ n: node, p: keyPath }];
  const env: Record<string, string> = {};
  for (const { n, p } of items) {
    let file: string;
    let required = true;
    if (n.kind === 'map') {
      const pathEntry = entry(n, 'path');
      if (!pathEntry) fail(ctx, p, n.line, 'an env_file entry needs a path');
      file = asString(ctx, pathEntry.value, `${p}.path`);
      const req = entry(n, 'required');
      if (req) required = asBoolean(ctx, req.value, `${p}.required`);
      const format = entry(n, 'format');
      if (format) {
        ctx.reporter.report(
          'import/unsupported-key',
          at(ctx, `${p}.format`, format.line),
          'env_file format has no equivalent: the file is read as NAME=value lines.',
        );
      }
    } else file = asString(ctx, n, p);
    const abs = path.resolve(ctx.fileDir, file);
    if (!fs.existsSync(abs)) {
      if (required) {
        ctx.reporter.report(
          'import/env-file-missing',
          at(ctx, p, n.line),
          `env_file ${file} does not exist (looked for ${abs}).`,
          'Create it, or mark it `required: false`.',
        );
      }
      continue;
    }
    if (outsideFileDir(ctx, abs) && !ctx.allowOutsideFiles) {
      ctx.reporter.report(
        'import/outside-file',
        at(ctx, p, n.line),
        `env_file ${file} is outside the folder of the Compose file (got ${abs}): its values would be written into every output, so it is not read.`,
        'Move the file beside the Compose file, or pass --allow-outside-files to read it.',
      );
      continue;
    }
    const { values, bad } = parseDotenv(readInput(ctx, abs, { display: `env_file ${file}`, keyPath: p, line: n.line }), (name) => (ctx.fromHost(name) ? undefined : ctx.lookup(name)));
    for (const b of bad) ctx.reporter.report('import/unsupported-value', at(ctx, p, n.line), `line ${b} of ${file} is not NAME=value: it is left out.`);
    for (const [k, v] of Object.entries(values)) {
      if (ENV_KEY_PATTERN.test(k)) env[k] = v;
      else {
        ctx.reporter.report(
          'import/unsupported-value',
          at(ctx, p, n.line),
          `${JSON.stringify(k)} in ${file} is not a variable name the model accepts: it is left out.`,
        );
      }
    }
  }
  return env;
}

/** Labels in map or list form (`a=b`), as strings. */
export function labelsOf(ctx: ImportContext, node: Located, keyPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  // a key the model cannot hold (a space in it) is left out with a warning, not a stop of the whole import
  const put = (key: string, value: string, where: string, line: number) => {
    if (isLabelKey(key)) out[key] = value;
    else {
      ctx.reporter.report(
        'import/unsupported-value',
        at(ctx, where, line),
        `label key ${JSON.stringify(key)} has whitespace or '=' in it, which the model's label keys do not: the label is left out.`,
        `Write the key without them, e.g. ${JSON.stringify(key.trim().replace(/[\s=]+/g, '-') || 'key')}.`,
      );
    }
  };
  if (node.kind === 'seq') {
    asSeq(ctx, node, keyPath).items.forEach((item, i) => {
      const s = asString(ctx, item, `${keyPath}[${i}]`);
      const eq = s.indexOf('=');
      put(eq < 0 ? s : s.slice(0, eq), eq < 0 ? '' : s.slice(eq + 1), `${keyPath}[${i}]`, item.line);
    });
    return out;
  }
  for (const [key, e] of asMap(ctx, node, keyPath).entries) {
    put(key, e.value.kind === 'scalar' && e.value.value === null ? '' : asString(ctx, e.value, `${keyPath}.${key}`), `${keyPath}.${key}`, e.line);
  }
  return out;
}
