import type { TargetName } from '../diagnostics/diagnostic';
import { SECURITY_REQUIREMENTS, type WorkloadSecurityReport } from './security-view';

type Paint = (colour: 'green' | 'yellow' | 'dim', s: string) => string;
type Wrap = (text: string, width: number, first: string, rest: string) => string[];

/**
 * The security view as text: per container, how many restricted-profile requirements it meets on each target
 * (`7/7`), then each requirement it misses, with the targets where and why.
 */
export function formatSecurity(security: readonly WorkloadSecurityReport[], targets: readonly TargetName[], paint: Paint, width: number, wrap: Wrap): string[] {
  const total = SECURITY_REQUIREMENTS.length;
  const out = wrap(`security (restricted profile, ${total} requirements: ${SECURITY_REQUIREMENTS.map((r) => r.label).join(', ')}):`, width, '  ', '    ');
  const rows: string[][] = [];
  const missing: string[] = [];
  for (const w of security) {
    for (const c of w.containers) {
      const name = c.container === w.name ? w.name : `${w.name}/${c.container}`;
      rows.push([name, ...targets.map((t) => `${c.requirements.filter((r) => r.targets[t]?.met).length}/${total}`)]);
      for (const r of c.requirements) {
        const byReason = new Map<string, TargetName[]>();
        for (const t of targets) {
          const cell = r.targets[t];
          if (cell && !cell.met) byReason.set(cell.reason ?? '', [...(byReason.get(cell.reason ?? '') ?? []), t]);
        }
        for (const [reason, where] of byReason) {
          const on = where.length === targets.length ? 'every target' : where.join(', ');
          missing.push(`${name} ${r.label} (${on}): ${reason}`);
        }
      }
    }
  }
  const header = ['container', ...targets];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[], colourise: boolean) =>
    `    ${cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]);
        return colourise && i > 0 ? paint(c === `${total}/${total}` ? 'green' : 'yellow', padded) : padded;
      })
      .join('  ')}`.trimEnd();
  out.push(paint('dim', line(header, false)));
  for (const r of rows) out.push(line(r, true));
  if (missing.length > 0) {
    out.push('    missing:');
    for (const m of missing) out.push(...wrap(m, width, '      ', '        '));
  }
  return out;
}
