import { ModelError } from './errors';
import type { FileMountSpec, ImageSpec, MountSpec } from './spec';

/** A bind mount marked `inImage` needs an image that the project builds: only that image can carry its files. */
export function checkBindInImage(path: string, prop: string, mount: MountSpec | FileMountSpec, image: ImageSpec): void {
  if (mount.kind !== 'bind' || !mount.inImage || image.kind === 'build') return;
  throw new ModelError(
    path,
    `${prop}.inImage`,
    `the image ${image.ref} is pulled from a registry, so nothing proves it carries ${mount.source} at ${mount.target}`,
    true,
    'Build the image in the project (Image.build), or leave inImage out',
  );
}
