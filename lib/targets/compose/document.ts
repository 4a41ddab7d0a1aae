/**
 * The plain tree a compose file is built from, before serialization.
 *
 * Compose interpolates `$` in every value. Strings in the tree are literals, and `render` escapes their `$` as
 * `$$`; the one place lading wants interpolation (a secret read from the deploying host's environment) says so
 * with an `Interpolation`, which is written as is.
 */
export class Interpolation {
  constructor(public readonly text: string) {}

  /** `${NAME:?message}`: Compose refuses to start when NAME is unset or empty. */
  static required(name: string, message: string): Interpolation {
    return new Interpolation(`\${${name}:?${message.replace(/[}$]/g, '')}}`);
  }
}

export type ComposeValue =
  | string
  | number
  | boolean
  | Interpolation
  | readonly ComposeValue[]
  | { readonly [key: string]: ComposeValue | undefined };

export type ComposeMap = { [key: string]: ComposeValue | undefined };

/** Drops keys whose value is undefined, so converters can write optional keys inline. */
export function compact<T extends ComposeMap>(map: T): ComposeMap {
  const out: ComposeMap = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return out;
}

/** True when a map has no keys (an empty `deploy:` is left out). */
export function isEmpty(map: ComposeMap): boolean {
  return Object.values(map).every((v) => v === undefined);
}
