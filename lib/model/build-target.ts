import { ModelError } from './errors';

// A Dockerfile stage name (`FROM image AS name`): BuildKit accepts letters, digits, '.', '_' and '-'.
const STAGE_NAME = /^[a-zA-Z][a-zA-Z0-9._-]{0,127}$/;

/** The stage of a multi-stage Dockerfile that `Image.build({ target })` names, checked; undefined for the last stage. */
export function buildTarget(path: string, prop: string, target: unknown): string | undefined {
  if (target === undefined) return undefined;
  if (typeof target !== 'string' || !STAGE_NAME.test(target)) {
    throw new ModelError(path, prop, 'must be the name of a stage of the Dockerfile', target, "Write the name after AS in 'FROM image AS builder', e.g. 'builder'");
  }
  return target;
}
