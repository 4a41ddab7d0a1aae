import type { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import type { DockerCode } from './codes';

/** What every converter of the docker target reads, and where it reports what `docker` cannot express. */
export interface DockerScope {
  readonly spec: SystemSpec;
  readonly reporter: Reporter<DockerCode>;
}
