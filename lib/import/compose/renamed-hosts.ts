import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { ConvertedService } from './workload';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A value that names `raw` as a host: the whole value (`DB_HOST=my_db`), `my_db:5432`, `http://my_db/` or
 * `user@my_db`, with `raw` written `name`; the value as it was where it names no host.
 */
function renamedHost(text: string, raw: string, name: string): string {
  if (text === raw) return name;
  const e = escaped(raw);
  return text
    .replace(new RegExp(`(^|[^A-Za-z0-9_.-])${e}(?=:\\d)`, 'g'), `$1${name}`)
    .replace(new RegExp(`(//|@)${e}(?=$|[/?#:])`, 'g'), `$1${name}`);
}

/**
 * Compose reaches a service by the name the file gives it; the model renames a name that is not a DNS label
 * (`my_db`, `laravel.test`). Every environment value, command and entrypoint word that names a renamed service as
 * a host is written with its new name, with an info, so that it still reaches that service on every target.
 */
export function rewriteRenamedHosts(ctx: ImportContext, services: readonly ConvertedService[], names: NameTable): ConvertedService[] {
  const renamed = services.flatMap((s) => {
    const name = s.input.sidecarOf === undefined ? names.lookup('service', s.input.composeName) : undefined;
    return name !== undefined && name !== s.input.composeName ? [{ raw: s.input.composeName, name }] : [];
  });
  if (renamed.length === 0) return [...services];
  return services.map((s) => {
    const rewrite = (text: string, keyPath: string): string => {
      let out = text;
      for (const { raw, name } of renamed) {
        const next = renamedHost(out, raw, name);
        if (next === out) continue;
        ctx.reporter.report(
          'import/renamed-reference',
          at(ctx, keyPath, s.input.map.line),
          `${keyPath.slice(keyPath.lastIndexOf('.') + 1)} names the service ${raw}, which is named ${name} in the model: it is written ${name}, so that ${s.input.composeName} still reaches it.`,
        );
        out = next;
      }
      return out;
    };
    const base = s.input.keyPath;
    const c = s.container;
    const env = Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, rewrite(v, `${base}.environment.${k}`)]));
    const command = c.command?.map((w, i) => rewrite(w, `${base}.command[${i}]`));
    const entrypoint = c.entrypoint?.map((w, i) => rewrite(w, `${base}.entrypoint[${i}]`));
    return { ...s, container: { ...c, env, ...(command ? { command } : {}), ...(entrypoint ? { entrypoint } : {}) } };
  });
}
