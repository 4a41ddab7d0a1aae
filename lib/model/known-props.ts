import { ModelError } from './errors';

/**
 * Every key of a props interface, each `true`: the compiler checks that such an object names exactly the
 * interface's keys, so the list of known props cannot drift from the interface.
 */
export type PropKeys<T> = { readonly [K in keyof Required<T>]: true };

/** The keys of a PropKeys object, as a list. */
export function propNames<T>(keys: PropKeys<T>): readonly string[] {
  return Object.freeze(Object.keys(keys).sort());
}

/**
 * Refuses a props object with a key its interface does not have: a typo (`healthcheck`, `mem`) would otherwise
 * be dropped silently when the app is not type-checked. `prop` is the path of the object (`resources`), empty
 * for a construct's own props. Values that are not plain objects are left to the prop's own check; keys in
 * `refusedLater` are refused by the caller with a message of their own (`ports` on a Job).
 */
export function checkKnownProps(path: string, prop: string, value: unknown, known: readonly string[], refusedLater: readonly string[] = []): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const key of Object.keys(value).sort()) {
    if (known.includes(key) || refusedLater.includes(key)) continue;
    const near = closest(key, known);
    if (near) throw new ModelError(path, prop, `unknown prop '${key}' (did you mean '${near}'?)`);
    throw new ModelError(path, prop, `unknown prop '${key}'`, undefined, `Use one of ${known.join(', ')}`);
  }
}

/** The known name nearest to a typo: the same in another case, a few edits away, one containing it, or sharing its start. */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))) return best;
  const within = known.find((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  if (within) return within;
  // the longest shared beginning, of at least four letters: `targets` for `targetOptions`
  const shared = known.map((k) => ({ k, n: commonPrefix(lower, k.toLowerCase()) })).filter((x) => x.n >= 4);
  return shared.sort((a, b) => b.n - a.n)[0]?.k;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
