import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import { DOCKER_CODES } from './codes';

/** What every converter of the docker target reads, and where it reports what `docker` cannot express. */
export interface DockerScope {
  readonly spec: SystemSpec;
  readonly report: (code: string, path: string, message: string, fix?: string) => void;
}

/** Creates a scope whose `report` collects diagnostics into `sink`, with the severity of the code's catalogue entry. */
export function createScope(spec: SystemSpec, sink: Diagnostic[]): DockerScope {
  const report = (code: string, path: string, message: string, fix?: string): void => {
    const entry = DOCKER_CODES[code];
    if (!entry) throw new Error(`unknown docker diagnostic code ${code}`);
    sink.push({ code, severity: entry.severity, path, target: 'docker', message, ...(fix ? { fix } : {}) });
  };
  return { spec, report };
}

/** `shop/web` + `ports[1]` -> `shop/web ports[1]`. */
export function propPath(path: string, prop: string): string {
  return `${path} ${prop}`;
}
