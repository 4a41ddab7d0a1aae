import { posix } from 'node:path';
import type { BuildImageSpec, ContainerSpec, SystemSpec } from '../../model/spec';
import { registryHost } from '../docker-engine/image';
import { propPath } from '../docker-engine/prop-path';
import { fromProjectRoot } from './paths';
import type { DockerScope } from './scope';
import type { Command } from './shell';

/** The image reference a container runs, reporting registry credentials the script cannot use. */
export function imageRef(scope: DockerScope, container: ContainerSpec): string {
  const image = container.image;
  if (image.credentials !== undefined) {
    scope.reporter.report(
      'docker/registry-credentials',
      propPath(container.path, 'image'),
      `the script cannot use the registry credentials of ${image.ref} (secret ${image.credentials}).`,
      `Run \`docker login ${registryHost(image.repository)}\` on the host before running the script.`,
    );
  }
  return image.ref;
}

/** Every image built from a Dockerfile, once per tag, in the order of the system's containers. */
export function builtImages(spec: SystemSpec): BuildImageSpec[] {
  const seen = new Map<string, BuildImageSpec>();
  for (const workload of [...spec.services, ...spec.jobs]) {
    for (const container of [workload.main, ...workload.sidecars]) {
      if (container.image.kind === 'build' && !seen.has(container.image.ref)) seen.set(container.image.ref, container.image);
    }
  }
  return [...seen.values()];
}

/** `docker build -t TAG -f DOCKERFILE --build-arg K=V CONTEXT`, with paths from the project root. */
export function buildCommand(image: BuildImageSpec): Command {
  return {
    lines: [
      ['docker', 'build'],
      ['-t', image.ref],
      ['-f', fromProjectRoot(posix.join(image.context, image.dockerfile))],
      ...Object.entries(image.args).map(([k, v]) => ['--build-arg', `${k}=${v}`]),
      ...(image.target !== undefined ? [['--target', image.target]] : []),
      [fromProjectRoot(image.context)],
    ],
  };
}
