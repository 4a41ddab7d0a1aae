import { posix } from 'node:path';
import type { BuildImageSpec } from '../../model/spec';

/** A word for `sh`, quoted only when it needs to be: `apps/devbox`, `'a b'`, `'it'\''s'`. */
function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The commands, run from the project root, that build an image as the system describes it (its Dockerfile, build
 * arguments and target) and push its tag, for a platform that pulls and builds nothing: Swarm, a cluster.
 */
export function buildAndPush(image: BuildImageSpec): string {
  const args = Object.entries(image.args).flatMap(([k, v]) => ['--build-arg', shellWord(`${k}=${v}`)]);
  const target = image.target !== undefined ? ['--target', shellWord(image.target)] : [];
  const words = ['docker', 'build', '-t', shellWord(image.ref), '-f', shellWord(posix.join(image.context, image.dockerfile)), ...args, ...target, shellWord(image.context)];
  return `${words.join(' ')} && docker push ${shellWord(image.ref)}`;
}
