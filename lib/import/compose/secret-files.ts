import { at, type ImportContext } from './context';
import type { Located, LocatedMap } from './located';
import type { MountPlan } from './plan';

/** Every text of a value: the strings and numbers of its scalars, nested ones included. */
function textsOf(node: Located): string[] {
  if (node.kind === 'scalar') return node.value === null ? [] : [String(node.value)];
  if (node.kind === 'seq') return node.items.flatMap(textsOf);
  return [...node.entries.values()].flatMap((e) => textsOf(e.value));
}

/**
 * What a service says besides its `secrets` (its environment, from env files too, its command, entrypoint and
 * health check), for finding where it reads a secret's file: `POSTGRES_PASSWORD_FILE=/run/secrets/db_password`.
 */
export function serviceTexts(service: LocatedMap, env: Readonly<Record<string, string>>): string {
  const own = [...service.entries].filter(([key]) => key !== 'secrets').flatMap(([, e]) => textsOf(e.value));
  return [...own, ...Object.values(env)].join('\n');
}

/** A mode as Compose reads it: octal with a leading 0 (`0400`, `0o400`), else decimal (`256`). */
export function composeMode(text: string): number | undefined {
  const octal = /^0o?([0-7]{1,4})$/.exec(text);
  const mode = octal ? parseInt(octal[1], 8) : /^\d{1,4}$/.test(text) ? Number(text) : undefined;
  return mode !== undefined && mode <= 0o777 ? mode : undefined;
}

/**
 * A service secret the model keeps as a file rather than as secret env: one whose file is not named like an
 * environment variable (`/run/secrets/db-password`, an absolute target elsewhere), that sets a mode, or whose path
 * the service names in `texts` (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`), as it then reads the file on
 * every target. It stays at its path, `/run/secrets/<name>` by default. Undefined for one read as secret env.
 */
export function secretFileMount(
  ctx: ImportContext,
  secret: string,
  file: string,
  mode: string | undefined,
  modePath: string,
  line: number,
  texts = '',
): MountPlan | undefined {
  const target = file.startsWith('/') ? file : `/run/secrets/${file}`;
  const envLike = /^[A-Za-z_][A-Za-z0-9_]*$/.test(file);
  // the path itself, not a longer name that starts with it (/run/secrets/db_password_old)
  const named = texts.split(target).slice(1).some((after) => !/^[A-Za-z0-9_.-]/.test(after));
  if (envLike && mode === undefined && !named) return undefined;
  const bits = mode !== undefined ? composeMode(mode) : undefined;
  if (mode !== undefined && bits === undefined) {
    ctx.reporter.report('import/unsupported-value', at(ctx, modePath, line), `mode ${mode} is not permission bits: it is left out.`, 'Write e.g. 0400.');
  }
  return { kind: 'secret', secret, target, readOnly: true, ...(bits !== undefined ? { mode: bits } : {}) };
}
