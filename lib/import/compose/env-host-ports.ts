/** The suffixes of a variable that names a host: `DB_HOST`, `REDIS_HOSTNAME`, `SMTP_SERVER`, `KAFKA_ADDR`. */
const HOST_KEY = /^(.+?)_?(HOST|HOSTNAME|SERVER|ADDR|ADDRESS)$/i;
/** A host a Compose service could be named: no scheme, no port, no path. */
const HOST_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The `<host>:<port>` that an environment says as two variables of one prefix: `DB_HOST=postgresql` with
 * `DB_PORT=5432`, `REDIS_HOSTNAME=cache` with `REDIS_PORT=6379`. The text is what `<service>:<port>` inference
 * reads, `keys` says which variables said it.
 */
export function envHostPorts(env: Readonly<Record<string, string>>): Array<{ readonly text: string; readonly keys: string }> {
  const out: Array<{ text: string; keys: string }> = [];
  for (const [key, host] of Object.entries(env)) {
    const m = HOST_KEY.exec(key);
    if (!m || !HOST_VALUE.test(host.trim())) continue;
    const prefix = m[1];
    const portKey = [`${prefix}_PORT`, `${prefix}PORT`].find((k) => k !== key && env[k] !== undefined && /^\d{1,5}$/.test(env[k].trim()));
    if (portKey) out.push({ text: `${host.trim()}:${env[portKey].trim()}`, keys: `${key} and ${portKey}` });
  }
  return out;
}
