import * as path from 'path';
import type { LoadedApp } from '../../lib/synth/load-apps';
import { loadExamples } from '../support/examples';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The example apps of apps/, loaded as `lading` loads them, sorted by name. */
export function examples(): LoadedApp[] {
  return loadExamples();
}

/** The example README shows, with its committed picture. */
export const README_EXAMPLE = 'cats-and-dogs';
export const README_PICTURE = path.join(ROOT, 'docs', `${README_EXAMPLE}.svg`);
