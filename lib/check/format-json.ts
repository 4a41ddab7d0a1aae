import type { CheckReport } from './report';

/** The report for CI: the CheckReport as JSON, two-space indented, with a final newline. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
