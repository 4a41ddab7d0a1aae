import type { BindMountSpec, ContainerSpec } from '../model/spec';

/**
 * The note of a target that cannot bind a project folder and leaves out a bind whose files the image carries
 * (`Mount.bind(..., { inImage: true })`): what the container sees instead.
 */
export function bindInImageText(container: ContainerSpec, mount: BindMountSpec): string {
  const image = container.image;
  const built = image.kind === 'build' ? `${image.context} (${image.dockerfile}${image.target !== undefined ? `, stage ${image.target}` : ''})` : image.ref;
  return `the image built from ${built} carries ${mount.source} at ${mount.target}, so the bind mount is left out: the container sees the files as of the build; live edits need Compose or docker`;
}
