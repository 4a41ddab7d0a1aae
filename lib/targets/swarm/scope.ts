import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import { SWARM_CODES, type SwarmCode } from './codes';

/** What every converter of the Swarm target reads, and where it reports what Swarm cannot express. */
export interface SwarmScope {
  readonly spec: SystemSpec;
  /** The project root as seen from the directory of the stack file: `../../..` for `dist/swarm/<app>/`. */
  readonly projectRoot: string;
  readonly reporter: Reporter<SwarmCode>;
}

export function createScope(spec: SystemSpec, projectRoot: string): SwarmScope {
  return { spec, projectRoot, reporter: new Reporter(SWARM_CODES, 'swarm') };
}
