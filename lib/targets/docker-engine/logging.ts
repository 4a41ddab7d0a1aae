import type { ContainerSpec } from '../../model/spec';
import type { EngineMap } from './document';
import { dockerBytes } from './quantities';

/** `logging`: the json-file driver with `max-size` and `max-file` (strings, as Docker's log options are). */
export function loggingKey(container: ContainerSpec): EngineMap | undefined {
  const logging = container.logging;
  if (!logging) return undefined;
  return {
    driver: 'json-file',
    options: { 'max-file': String(logging.maxFiles), 'max-size': dockerBytes(logging.maxSizeBytes, 'lower') },
  };
}
