import type { ComposeImport } from '../../../lib/import/compose';

/** The diagnostics of an import as the lines of a corpus folder's `expected-diagnostics.txt`. */
export function findingsText(imported: ComposeImport): string {
  return imported.diagnostics.map((d) => `${d.severity} ${d.code} line ${d.line} ${d.keyPath}: ${d.message}${d.fix ? ` ${d.fix}` : ''}\n`).join('');
}
