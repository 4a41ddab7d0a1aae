import type { Diagnostic } from '../../diagnostics/diagnostic';
import { ECS_CODES } from './codes';

/** Collects the diagnostics of one render. */
export class EcsDiagnostics {
  private readonly list: Diagnostic[] = [];

  add(code: string, path: string, message: string, fix?: string): void {
    const entry = ECS_CODES[code];
    if (!entry) throw new Error(`unknown ECS diagnostic code ${code}`);
    this.list.push({ code, severity: entry.severity, path, target: 'ecs', message, ...(fix ? { fix } : {}) });
  }

  get all(): readonly Diagnostic[] {
    return this.list;
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}
