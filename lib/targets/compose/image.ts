import type { ContainerSpec } from '../../model/spec';
import { registryHost } from '../docker-engine/image';
import { propPath } from '../docker-engine/prop-path';
import { fromProjectRoot } from '../docker-engine/paths';
import { compact, type ComposeMap } from './document';
import type { ComposeScope } from './scope';

/** `image`, and `build` for an image built from a Dockerfile (its tag is the `image`). */
export function imageKeys(scope: ComposeScope, container: ContainerSpec): ComposeMap {
  const image = container.image;
  if (image.credentials !== undefined) {
    const host = registryHost(image.repository);
    scope.reporter.report(
      'compose/registry-credentials',
      propPath(container.path, 'image'),
      `Compose cannot carry the registry credentials of ${image.ref} (secret ${image.credentials}).`,
      `Run \`docker login ${host}\` on the deploying host before \`docker compose pull\` or \`up\`.`,
    );
  }
  if (image.kind === 'registry') return { image: image.ref };
  scope.reporter.report(
    'compose/build-not-pushed',
    propPath(container.path, 'image'),
    `\`docker compose up\` builds ${image.ref} from ${image.context}; a swarm builds nothing and pulls it from a registry.`,
    'For a swarm, use `lading synth --target swarm`, which says how to build and push the image before deploying.',
  );
  const args = Object.keys(image.args).length > 0 ? { ...image.args } : undefined;
  return {
    image: image.ref,
    build: compact({ context: fromProjectRoot(scope.projectRoot, image.context), dockerfile: image.dockerfile, args, target: image.target }),
  };
}
