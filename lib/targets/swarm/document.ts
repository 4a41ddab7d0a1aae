import type { EngineMap, EngineValue } from '../docker-engine/document';

export { compact } from '../docker-engine/document';

/**
 * A value of the stack file's tree (see docker-engine/document). Its one interpolation is secret env with the Swarm
 * option `secrets: 'env'`, read from the shell that runs `docker stack deploy`.
 */
export type StackValue = EngineValue;

export type StackMap = EngineMap;

/** The map, or undefined when it has no keys (an empty `deploy:` is left out). */
export function nonEmpty(map: StackMap): StackMap | undefined {
  return Object.values(map).some((v) => v !== undefined) ? map : undefined;
}
