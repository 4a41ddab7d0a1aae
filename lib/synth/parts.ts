import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { SystemSpec } from '../model/spec';
import type { RenderContext, TargetPart, TargetResult } from '../targets/target';

/**
 * How a target renders one large system in parts, each in a thread of its own (`Target.renderPart`), and joins
 * them. A joiner's module loads no rendering library: the thread that joins renders nothing itself.
 */
export interface PartJoiner {
  /** How many parts `spec` is rendered in on `threads` threads; 1 renders it whole. */
  partsOf(spec: SystemSpec, threads: number): number;
  /** Joins the parts, in index order, into what `render` returns for the whole system. */
  join(spec: SystemSpec, context: RenderContext, parts: readonly TargetPart[]): TargetResult;
}

const JOINERS: Partial<Record<TargetName, () => PartJoiner>> = {
  ecs: () => require('../targets/ecs/stack-parts').ecsJoiner,
};

/** The joiner of a target that renders in parts, or undefined when it renders each system whole. */
export function joinerOf(name: TargetName): PartJoiner | undefined {
  return JOINERS[name]?.();
}

/** The findings of all parts, each once, in the order first found (parts in index order). */
export function partDiagnostics(parts: readonly TargetPart[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const part of parts) {
    for (const d of part.diagnostics) {
      const key = JSON.stringify(d);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
