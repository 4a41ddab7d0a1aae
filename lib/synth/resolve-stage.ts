import { DEFAULT_STAGE, type Stage } from '../model/stage';

/** Stage names are DNS-1123 labels, so that they can name stacks, namespaces and folders. */
const STAGE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The problem with a stage name, as a line a user can act on, or undefined when it is valid. */
export function stageNameProblem(name: string, flag = '--stage'): string | undefined {
  if (STAGE_NAME.test(name) && name.length <= 63) return undefined;
  return `${flag} ${name}: a stage name must be a DNS-1123 label (got ${JSON.stringify(name)}). Write e.g. ${flag} prod, or leave it out for the default stage ${DEFAULT_STAGE}.`;
}

/** A function an app module exports to build a stage: `export default (stage) => new System(...)`. */
type StageFunction = (stage: Stage) => unknown;

/** Whether an app module builds its System with a stage function (the module itself, or its default export). */
export function exportsStageFunction(exported: unknown): boolean {
  if (typeof exported === 'function') return true;
  return !!exported && typeof exported === 'object' && typeof (exported as { default?: unknown }).default === 'function';
}

/**
 * What an app module exports, with a stage function called for `stage`: the module itself when it is one
 * (`module.exports = (stage) => ...`), and its default export when that is one. Other exports are kept as they are.
 */
export function resolveStage(exported: unknown, stage: string = DEFAULT_STAGE): unknown {
  const given: Stage = Object.freeze({ name: stage });
  if (typeof exported === 'function') return (exported as StageFunction)(given);
  if (!exported || typeof exported !== 'object') return exported;
  const dflt = (exported as { default?: unknown }).default;
  if (typeof dflt !== 'function') return exported;
  return { ...(exported as Record<string, unknown>), default: (dflt as StageFunction)(given) };
}
