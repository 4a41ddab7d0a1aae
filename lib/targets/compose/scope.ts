import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import { COMPOSE_CODES } from './codes';

/** What every converter of the Compose target reads, and where it reports what Compose cannot express. */
export interface ComposeScope {
  readonly spec: SystemSpec;
  /** The project root as seen from the directory of the compose file: `../../..` for `dist/compose/<app>/`. */
  readonly projectRoot: string;
  readonly report: (code: string, path: string, message: string, fix?: string) => void;
}

/** Creates a scope whose `report` collects diagnostics into `sink`, with the severity of the code's catalogue entry. */
export function createScope(spec: SystemSpec, projectRoot: string, sink: Diagnostic[]): ComposeScope {
  const report = (code: string, path: string, message: string, fix?: string): void => {
    const entry = COMPOSE_CODES[code];
    if (!entry) throw new Error(`unknown Compose diagnostic code ${code}`);
    sink.push({ code, severity: entry.severity, path, target: 'compose', message, ...(fix ? { fix } : {}) });
  };
  return { spec, projectRoot, report };
}

/** `shop/web` + `ports[1]` -> `shop/web ports[1]`. */
export function propPath(path: string, prop: string): string {
  return `${path} ${prop}`;
}
