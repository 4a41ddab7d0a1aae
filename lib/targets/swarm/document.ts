/** The plain tree a stack file is built from, before serialization. Every string is a literal. */
export type StackValue = string | number | boolean | readonly StackValue[] | { readonly [key: string]: StackValue | undefined };

export type StackMap = { [key: string]: StackValue | undefined };

/** Drops keys whose value is undefined, so converters can write optional keys inline. */
export function compact<T extends StackMap>(map: T): StackMap {
  const out: StackMap = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return out;
}

/** The map, or undefined when it has no keys (an empty `deploy:` is left out). */
export function nonEmpty(map: StackMap): StackMap | undefined {
  return Object.values(map).some((v) => v !== undefined) ? map : undefined;
}
