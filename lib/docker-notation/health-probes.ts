/**
 * Docker has no http or tcp health check: a Docker-engine target writes a shell probe instead, and the Compose
 * importer reads that probe back as the check it came from. Both read these functions, so the two stay in step.
 */

/** Quotes a word for `sh` in single quotes: `'it'\''s'`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The probe a shell runs for an http check: curl, or wget where curl is missing. `path` starts with `/` (the model
 * refuses another); `quote` quotes the URL for `sh`.
 */
export function httpProbe(port: number, path: string, quote: (word: string) => string = shellQuote): string {
  const url = quote(`http://127.0.0.1:${port}${path}`);
  return `curl -fsS -o /dev/null ${url} || wget -q -O /dev/null ${url} || exit 1`;
}

/** The probe a shell runs for a tcp check: nc, or bash's /dev/tcp where nc is missing. */
export function tcpProbe(port: number): string {
  return `nc -z 127.0.0.1 ${port} || bash -c '</dev/tcp/127.0.0.1/${port}' || exit 1`;
}
