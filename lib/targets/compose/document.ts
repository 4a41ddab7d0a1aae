import type { EngineMap, EngineValue } from '../docker-engine/document';

export { compact, Interpolation } from '../docker-engine/document';

/** A value of the compose file's tree (see docker-engine/document). */
export type ComposeValue = EngineValue;

export type ComposeMap = EngineMap;

/** True when a map has no keys (an empty `deploy:` is left out). */
export function isEmpty(map: ComposeMap): boolean {
  return Object.values(map).every((v) => v === undefined);
}
