import type { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import type { ComposeCode } from './codes';

/** What every converter of the Compose target reads, and where it reports what Compose cannot express. */
export interface ComposeScope {
  readonly spec: SystemSpec;
  /** The project root as seen from the directory of the compose file: `../../..` for `dist/compose/<app>/`. */
  readonly projectRoot: string;
  readonly reporter: Reporter<ComposeCode>;
}
