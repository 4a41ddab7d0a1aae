import { at, type ImportContext } from './context';
import type { MountPlan } from './plan';

/** A mode as Compose reads it: octal with a leading 0 (`0400`, `0o400`), else decimal (`256`). */
export function composeMode(text: string): number | undefined {
  const octal = /^0o?([0-7]{1,4})$/.exec(text);
  const mode = octal ? parseInt(octal[1], 8) : /^\d{1,4}$/.test(text) ? Number(text) : undefined;
  return mode !== undefined && mode <= 0o777 ? mode : undefined;
}

/**
 * A service secret the model keeps as a file rather than as secret env: one whose file is not named like an
 * environment variable (`/run/secrets/db-password`, an absolute target elsewhere), or that sets a mode. It stays
 * at its path, `/run/secrets/<name>` by default. Undefined for one read as secret env.
 */
export function secretFileMount(ctx: ImportContext, secret: string, file: string, mode: string | undefined, modePath: string, line: number): MountPlan | undefined {
  const envLike = /^[A-Za-z_][A-Za-z0-9_]*$/.test(file);
  if (envLike && mode === undefined) return undefined;
  const target = file.startsWith('/') ? file : `/run/secrets/${file}`;
  const bits = mode !== undefined ? composeMode(mode) : undefined;
  if (mode !== undefined && bits === undefined) {
    ctx.reporter.report('import/unsupported-value', at(ctx, modePath, line), `mode ${mode} is not permission bits: it is left out.`, 'Write e.g. 0400.');
  }
  return { kind: 'secret', secret, target, readOnly: true, ...(bits !== undefined ? { mode: bits } : {}) };
}
