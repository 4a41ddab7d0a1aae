import { type Diagnostic, type TargetName } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/pipeline';
import type { Suppressed } from '../diagnostics/suppressions';
import { suppressionsOf, within } from '../diagnostics/suppressions';
import type { SystemSpec } from '../model/spec';
import { attribute } from './attribute';
import { conceptOrder, conceptsUsed, labelOf } from './concepts';
import type { AppReport, CellReport, ConceptReport, Counts, MappingStatus, SuppressionReport, WorkloadReport } from './report';

/** What one app produced: each target's diagnostics and the lint findings, both without what was turned off. */
export interface AppFindings {
  readonly name: string;
  readonly file: string;
  readonly spec: SystemSpec;
  readonly targets: readonly TargetName[];
  readonly byTarget: Readonly<Partial<Record<TargetName, readonly Diagnostic[]>>>;
  readonly lint: readonly Diagnostic[];
  readonly suppressed: readonly Suppressed[];
}

const SYSTEM = '';

/** Files every target diagnostic under a workload (or the system) and a concept, and counts what was found. */
export function buildAppReport(f: AppFindings): AppReport {
  // cells[workload][concept][target] = diagnostics
  const cells = new Map<string, Map<string, Map<TargetName, Diagnostic[]>>>();
  const cell = (w: string, concept: string, t: TargetName) => {
    const byConcept = cells.get(w) ?? cells.set(w, new Map()).get(w)!;
    const byTarget = byConcept.get(concept) ?? byConcept.set(concept, new Map()).get(concept)!;
    return byTarget.get(t) ?? byTarget.set(t, []).get(t)!;
  };
  const workloads = [...f.spec.services, ...f.spec.jobs].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const w of workloads) for (const concept of conceptsUsed(w)) for (const t of f.targets) cell(w.name, concept, t);
  for (const t of f.targets) {
    for (const d of f.byTarget[t] ?? []) {
      const a = attribute(f.spec, d);
      const names = a.workloads.length > 0 ? a.workloads : [SYSTEM];
      for (const name of names) cell(name, a.concept, t).push(d);
    }
  }
  const report = (name: string, kind: WorkloadReport['kind'], path: string): WorkloadReport | undefined => {
    const byConcept = cells.get(name);
    if (!byConcept) return undefined;
    const concepts: ConceptReport[] = [...byConcept.keys()]
      .sort((a, b) => conceptOrder(a) - conceptOrder(b) || (a < b ? -1 : 1))
      .map((concept) => {
        const targets: Partial<Record<TargetName, CellReport>> = {};
        for (const t of f.targets) {
          const list = sortDiagnostics(byConcept.get(concept)?.get(t) ?? []);
          targets[t] = { status: statusOf(list), diagnostics: list };
        }
        return { concept, label: labelOf(concept), targets };
      });
    return { name, kind, path, concepts };
  };
  const list: WorkloadReport[] = [];
  for (const w of workloads) list.push(report(w.name, w.kind, w.path)!);
  const system = report(SYSTEM, 'system', f.spec.name);
  if (system) list.push({ ...system, name: f.spec.name });
  const suppressed: SuppressionReport[] = suppressionsOf(f.spec).map((s) => ({
    ...s,
    diagnostics: f.suppressed.filter((x) => x.diagnostic.code === s.rule && within(x.diagnostic.path, s.path)).map((x) => x.diagnostic),
  }));
  const all = [...f.targets.flatMap((t) => f.byTarget[t] ?? []), ...f.lint];
  return { name: f.name, file: f.file, workloads: list, lint: sortDiagnostics(f.lint), suppressed, counts: countOf(all, f.suppressed.length) };
}

function statusOf(list: readonly Diagnostic[]): MappingStatus {
  if (list.some((d) => d.severity === 'error')) return 'error';
  return list.length > 0 ? 'approx' : 'exact';
}

function countOf(list: readonly Diagnostic[], suppressed: number): Counts {
  return {
    error: list.filter((d) => d.severity === 'error').length,
    warning: list.filter((d) => d.severity === 'warning').length,
    info: list.filter((d) => d.severity === 'info').length,
    suppressed,
  };
}

export function addCounts(list: readonly Counts[]): Counts {
  return list.reduce((a, c) => ({ error: a.error + c.error, warning: a.warning + c.warning, info: a.info + c.info, suppressed: a.suppressed + c.suppressed }), {
    error: 0,
    warning: 0,
    info: 0,
    suppressed: 0,
  });
}
