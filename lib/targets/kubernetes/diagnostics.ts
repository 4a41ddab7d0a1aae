import type { Diagnostic } from '../../diagnostics/diagnostic';
import { KUBERNETES_CODES } from './codes';

/** Collects the target's diagnostics; each one's severity comes from the code catalogue. */
export class Findings {
  private readonly list: Diagnostic[] = [];

  add(code: string, path: string, message: string, fix?: string): void {
    const entry = KUBERNETES_CODES[code];
    if (!entry) throw new Error(`unknown Kubernetes diagnostic code ${code}`);
    this.list.push({ code, severity: entry.severity, path, target: 'kubernetes', message, ...(fix ? { fix } : {}) });
  }

  get all(): readonly Diagnostic[] {
    return this.list;
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}
