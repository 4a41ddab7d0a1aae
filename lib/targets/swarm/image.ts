import type { ContainerSpec } from '../../model/spec';
import { buildAndPush } from '../docker-engine/build-and-push';
import { registryHost } from '../docker-engine/image';
import { propPath } from '../docker-engine/prop-path';
import type { SwarmScope } from './scope';

/**
 * `image`: a registry reference as written. An image built from a Dockerfile is referred to by its tag, which
 * must be pushed first: `docker stack deploy` pulls on every node and builds nothing.
 */
export function imageKey(scope: SwarmScope, container: ContainerSpec): string {
  const image = container.image;
  const path = propPath(container.path, 'image');
  if (image.credentials !== undefined) {
    scope.reporter.report(
      'swarm/registry-credentials',
      path,
      `the registry credentials of ${image.ref} (secret ${image.credentials}) are not in the stack file: \`docker stack deploy --with-registry-auth\` hands the manager's login to every node that pulls it.`,
      `Run \`docker login ${registryHost(image.repository)}\` on the manager, then \`docker stack deploy --with-registry-auth -c stack.yaml ${scope.spec.name}\`.`,
    );
  }
  if (image.kind === 'build') {
    scope.reporter.report(
      'swarm/build-image',
      path,
      `\`docker stack deploy\` does not build ${image.ref} from ${image.context}: every node pulls it from a registry.`,
      `Build and push it before deploying, from the project root: \`${buildAndPush(image)}\`.`,
    );
  }
  return image.ref;
}
