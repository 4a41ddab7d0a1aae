import type { SystemSpec } from '../../model/spec';

/**
 * Whether a system's services are reached by name (service-connect.ts), read from the spec alone: the stack plan
 * counts the Cloud Map namespace with it, without loading aws-cdk-lib.
 */

/** True when some service has a tcp port: the system gets a Cloud Map namespace. */
export function servesByName(spec: SystemSpec): boolean {
  return spec.services.some((s) => s.main.ports.some((p) => p.protocol === 'tcp'));
}
