import type { ContainerSpec } from '../../model/spec';
import { dockerBytes } from '../docker-engine/quantities';
import type { ComposeMap } from './document';

/** `logging`: the json-file driver with `max-size` and `max-file` (strings, as Docker's log options are). */
export function loggingKey(container: ContainerSpec): ComposeMap | undefined {
  const logging = container.logging;
  if (!logging) return undefined;
  return {
    driver: 'json-file',
    options: { 'max-file': String(logging.maxFiles), 'max-size': dockerBytes(logging.maxSizeBytes, 'lower') },
  };
}
