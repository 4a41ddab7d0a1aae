import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { ConvertedService } from './workload';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An environment variable whose whole value is a host name: `DB_HOST`, `REDIS_SERVER`, `KAFKA_BROKERS`, `SMTP_ADDR`. */
const HOST_KEY = /(^|_)(HOST|HOSTNAME|SERVER|SERVERS|ADDR|ADDRESS|ENDPOINT|BROKER|BROKERS)$/i;

/**
 * A value that names `raw` as a host: `my_db:5432` (not a user's password in `my_db:1234@`), the host of a URL
 * (`redis://my_db/0`, `postgres://user:pw@my_db/shop`, not its user or path), `user@my_db`, and with `wholeIsHost`
 * the whole value (`DB_HOST=my_db`); `raw` is written `name` there, and nowhere else: `POSTGRES_DB=my_db` or
 * `--db-name my_db` name a database, not a host.
 */
function renamedHost(text: string, raw: string, name: string, wholeIsHost: boolean): string {
  if (text === raw) return wholeIsHost ? name : text;
  const e = escaped(raw);
  return text
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@\s]*@)?([^/?#:@\s,]+)/g, (m, scheme: string, user: string | undefined, host: string) => (host === raw ? `${scheme}${user ?? ''}${name}` : m))
    .replace(new RegExp(`(^|[^A-Za-z0-9_.:/@-]|,)${e}(?=:\\d+(?![\\d@]))`, 'g'), `$1${name}`)
    .replace(new RegExp(`(@)${e}(?=$|[/?#:,])`, 'g'), `$1${name}`);
}

/**
 * Compose reaches a service by the name the file gives it; the model renames a name that is not a DNS label
 * (`my_db`, `laravel.test`). Every environment value, command and entrypoint word that names a renamed service as
 * a host is written with its new name, with an info, so that it still reaches that service on every target. A value
 * that is the bare name counts only in a variable that holds a host (HOST_KEY) of another service: a service's own
 * `POSTGRES_DB=my_db` names its database.
 */
export function rewriteRenamedHosts(ctx: ImportContext, services: readonly ConvertedService[], names: NameTable): ConvertedService[] {
  const renamed = services.flatMap((s) => {
    const name = s.input.sidecarOf === undefined ? names.lookup('service', s.input.composeName) : undefined;
    return name !== undefined && name !== s.input.composeName ? [{ raw: s.input.composeName, name }] : [];
  });
  if (renamed.length === 0) return [...services];
  return services.map((s) => {
    const rewrite = (text: string, keyPath: string, hostKey = false): string => {
      let out = text;
      for (const { raw, name } of renamed) {
        const next = renamedHost(out, raw, name, hostKey && raw !== s.input.composeName);
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
    const env = Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, rewrite(v, `${base}.environment.${k}`, HOST_KEY.test(k))]));
    const command = c.command?.map((w, i) => rewrite(w, `${base}.command[${i}]`));
    const entrypoint = c.entrypoint?.map((w, i) => rewrite(w, `${base}.entrypoint[${i}]`));
    return { ...s, container: { ...c, env, ...(command ? { command } : {}), ...(entrypoint ? { entrypoint } : {}) } };
  });
}
