import * as path from 'path';

/**
 * The layout of an output folder (`dist`). lading owns the folder:
 *
 * ```
 * dist/
 *   .lading/marker          says the folder is lading's; without it lading refuses a folder that holds anything
 *   .lading/lock            present while one synth writes
 *   .lading/current         a symbolic link to the generation that readers see: g-<id>
 *   .lading/g-<id>/         whole output trees; the one `current` names, the one before it, or a staging one
 *   compose -> .lading/current/compose     one link per top-level folder or file of the output
 * ```
 *
 * A synth writes a whole new generation, then replaces `current` by one rename: every reader sees either the
 * old or the new output, whatever moment the process is killed at.
 */
export const STATE_DIR = '.lading';
export const MARKER = 'marker';
export const LOCK = 'lock';
export const CURRENT = 'current';
export const GENERATION_PREFIX = 'g-';
/** A state folder being created: renamed to STATE_DIR once its marker is written. */
export const NEW_STATE_PREFIX = '.lading-new-';

export const MARKER_TEXT = 'This folder is written by lading synth: every synth replaces its contents. Do not put other files here.\n';

/** What a top-level entry of the output folder links to. */
export function linkTarget(name: string): string {
  return path.posix.join(STATE_DIR, CURRENT, name);
}

export function statePath(outDir: string, ...parts: string[]): string {
  return path.join(outDir, STATE_DIR, ...parts);
}
