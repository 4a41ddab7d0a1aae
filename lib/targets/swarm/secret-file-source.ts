import type { SecretSpec } from '../../model/spec';
import { fromProjectRoot } from '../docker-engine/paths';
import type { StackValue } from './document';
import type { SwarmScope } from './scope';

/**
 * The top-level entry of a secret read from a project file: `docker stack deploy` creates the Swarm secret
 * `<app>_<secret>` from it. A Swarm secret cannot change, which is noted with the way to change the value.
 */
export function secretFromFile(scope: SwarmScope, secret: SecretSpec & { readonly file: string }): StackValue {
  const name = `${scope.spec.name}_${secret.name}`;
  scope.reporter.report(
    'swarm/secret-from-file',
    `${secret.path} file`,
    `secret ${secret.name} is created as the Swarm secret ${name} from ${secret.file} at the first \`docker stack deploy\`; a Swarm secret cannot change, so a later deploy with another value in the file fails.`,
    `To change the value, remove the stack, then \`docker secret rm ${name}\`, and deploy again.`,
  );
  return { file: fromProjectRoot(scope.projectRoot, secret.file) };
}
