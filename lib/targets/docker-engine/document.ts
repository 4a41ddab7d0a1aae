/**
 * The plain tree a compose or stack file is built from, before serialization.
 *
 * `docker compose` and `docker stack deploy` interpolate `$` in every value. Strings in the tree are literals, and
 * the serializer escapes their `$` as `$$`; the one place lading wants interpolation (secret env read from the
 * deploying shell: Compose's and Swarm's `secrets: 'env'`) says so with an `Interpolation`, which is written as is.
 */
export class Interpolation {
  constructor(public readonly text: string) {}

  /** `${NAME:?message}`: `docker compose up` and `docker stack deploy` refuse to go on when NAME is unset or empty. */
  static required(name: string, message: string): Interpolation {
    return new Interpolation(`\${${name}:?${message.replace(/[}$]/g, '')}}`);
  }
}

export type EngineValue =
  | string
  | number
  | boolean
  | Interpolation
  | readonly EngineValue[]
  | { readonly [key: string]: EngineValue | undefined };

export type EngineMap = { [key: string]: EngineValue | undefined };

/** Drops keys whose value is undefined, so converters can write optional keys inline. */
export function compact<T extends EngineMap>(map: T): EngineMap {
  const out: EngineMap = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return out;
}
