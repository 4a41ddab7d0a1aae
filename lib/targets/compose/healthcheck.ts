import type { ContainerSpec } from '../../model/spec';
import { healthcheckValue } from '../docker-engine/healthcheck';
import type { ComposeMap } from './document';
import type { ComposeScope } from './scope';

/** `healthcheck`: exec form as `CMD`, shell form as `CMD-SHELL`, with every timing written out. */
export function healthcheckKey(scope: ComposeScope, container: ContainerSpec): ComposeMap | undefined {
  return healthcheckValue(container, (path, text) => scope.reporter.report('compose/health-probe-tool', path, ...text));
}
