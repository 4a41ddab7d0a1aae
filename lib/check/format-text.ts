import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { AppReport, CheckReport, ConceptReport, Counts, WorkloadReport } from './report';
import { formatSecurity } from './format-security';

export interface TextOptions {
  /** ANSI colours; only for a terminal. @default false */
  readonly color?: boolean;
  /** Width to wrap notes at. @default 100 */
  readonly width?: number;
}

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', green: '\u001b[32m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * The report for people: per app, a table of the concepts that do not map exactly on every target (one column
 * per target, each cell `exact`, `approx N` or `ERROR N` where N points at a note), a line of what maps exactly
 * everywhere, the notes, the lint findings and what was turned off.
 */
export function formatText(report: CheckReport, options: TextOptions = {}): string {
  const paint = (colour: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[colour]}${s}${ANSI.reset}` : s);
  const width = Math.max(60, options.width ?? 100);
  const out: string[] = [];
  for (const app of report.apps) out.push(...formatApp(app, report.targets, paint, width), '');
  const verdict = report.ok ? paint('green', 'ok') : paint('red', report.strict && report.counts.error === 0 ? 'failed (--strict: warnings count)' : 'failed');
  out.push(`${report.apps.length} app(s) on ${report.targets.join(', ')}: ${countsText(report.counts)}: ${verdict}`);
  return `${out.join('\n')}\n`;
}

type Paint = (colour: keyof typeof ANSI, s: string) => string;

function formatApp(app: AppReport, targets: readonly TargetName[], paint: Paint, width: number): string[] {
  const out = [`${paint('bold', app.name)}  ${paint('dim', app.file)}  ${countsText(app.counts)}`];
  const notes = new NoteBook();
  const rows: string[][] = [];
  const exactLines: string[] = [];
  for (const w of app.workloads) {
    const loose = w.concepts.filter((c) => targets.some((t) => c.targets[t]?.status !== 'exact'));
    const exact = w.concepts.filter((c) => !loose.includes(c));
    loose.forEach((c, i) => rows.push([i === 0 ? workloadName(w) : '', c.label, ...targets.map((t) => cellText(c, t, notes))]));
    if (exact.length > 0 && w.kind !== 'system') exactLines.push(`${workloadName(w)}: ${exact.map((c) => c.label).join(', ')}`);
  }
  if (rows.length > 0) {
    const header = ['workload', 'concept', ...targets];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[], colourise: boolean) =>
      `  ${cells
        .map((c, i) => {
          const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]);
          if (!colourise || i < 2) return padded;
          return c.startsWith('ERROR') ? paint('red', padded) : c.startsWith('approx') ? paint('yellow', padded) : paint('green', padded);
        })
        .join('  ')}`.trimEnd();
    out.push(paint('dim', line(header, false)));
    for (const r of rows) out.push(line(r, true));
  } else {
    out.push(`  every concept maps exactly on ${targets.join(', ')}`);
  }
  if (exactLines.length > 0 && rows.length > 0) {
    out.push(`  exact on every target:`);
    for (const l of exactLines) out.push(...wrap(l, width, '    ', '      '));
  }
  if (notes.size > 0) {
    out.push('  notes:');
    for (const [n, note] of notes.entries()) {
      const d = note.first;
      const where = note.paths.length === 1 ? ` ${d.path}` : '';
      const sev = d.severity === 'error' ? paint('red', d.severity) : d.severity === 'warning' ? paint('yellow', d.severity) : d.severity;
      out.push(...wrap(`[${n}] ${sev} ${d.code}${where}: ${d.message}`, width, '    ', '        '));
      if (d.fix) out.push(...wrap(`fix: ${d.fix}`, width, '        ', '        '));
    }
  }
  if (app.lint.length > 0) {
    out.push('  lint:');
    for (const d of app.lint) {
      const sev = d.severity === 'error' ? paint('red', d.severity) : paint('yellow', d.severity);
      const target = d.target ? ` [${d.target}]` : '';
      out.push(...wrap(`${sev}${target} ${d.code} ${d.path}: ${d.message}`, width, '    ', '        '));
      if (d.fix) out.push(...wrap(`fix: ${d.fix}`, width, '        ', '        '));
    }
  }
  if (app.suppressed.length > 0) {
    out.push('  turned off:');
    for (const s of app.suppressed) {
      const hidden = s.diagnostics.length > 0 ? ` (${s.diagnostics.length} finding(s) hidden)` : '';
      out.push(...wrap(`${s.rule} on ${s.path}: ${JSON.stringify(s.reason)}${hidden}`, width, '    ', '        '));
    }
  }
  if (app.security) out.push(...formatSecurity(app.security, targets, paint, width, wrap));
  return out;
}

function workloadName(w: WorkloadReport): string {
  return w.kind === 'system' ? '(system)' : w.name;
}

function cellText(c: ConceptReport, t: TargetName, notes: NoteBook): string {
  const cell = c.targets[t];
  if (!cell || cell.status === 'exact') return 'exact';
  const numbers = [...new Set(cell.diagnostics.map((d) => notes.number(d)))].sort((a, b) => a - b);
  return `${cell.status === 'error' ? 'ERROR' : 'approx'} ${numbers.join(',')}`;
}

/** Notes numbered in order of first use; the same finding on several workloads shares one note. */
class NoteBook {
  private readonly byKey = new Map<string, { n: number; first: Diagnostic; paths: string[] }>();
  get size(): number {
    return this.byKey.size;
  }
  number(d: Diagnostic): number {
    const key = [d.target ?? '', d.severity, d.code, d.message, d.fix ?? ''].join('\u0000');
    const found = this.byKey.get(key);
    if (found) {
      if (!found.paths.includes(d.path)) found.paths.push(d.path);
      return found.n;
    }
    const n = this.byKey.size + 1;
    this.byKey.set(key, { n, first: d, paths: [d.path] });
    return n;
  }
  entries(): Array<[number, { first: Diagnostic; paths: string[] }]> {
    return [...this.byKey.values()].map((v) => [v.n, v]);
  }
}

function countsText(c: Counts): string {
  const parts = [`${c.error} error(s)`, `${c.warning} warning(s)`, `${c.info} info`];
  if (c.suppressed > 0) parts.push(`${c.suppressed} turned off`);
  return parts.join(', ');
}

/** Wraps at spaces to `width` columns (ANSI codes not counted); never breaks a word. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
