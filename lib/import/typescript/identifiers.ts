const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await async of undefined app System Service Job Network Volume Secret Image Port Mount HealthCheck Dependency'
  ).split(' '),
);

/** `db-password` -> `dbPassword`; a reserved or taken name gets the kind as a suffix: `defaultNetwork`. */
export class Identifiers {
  private readonly taken = new Set<string>(RESERVED);

  name(id: string, kind: string): string {
    const camel = id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[0-9]/, (d) => `_${d}`);
    let candidate = camel || kind.toLowerCase();
    if (this.taken.has(candidate)) candidate = `${candidate}${kind}`;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${camel}${kind}${i}`;
    this.taken.add(candidate);
    return candidate;
  }
}
