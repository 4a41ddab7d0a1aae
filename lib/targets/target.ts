import type { Diagnostic, TargetName } from '../diagnostics/diagnostic';
import type { SystemSpec } from '../model/spec';

/** One file of a target's output, with its path relative to the target's output directory (`dist/<target>`). */
export interface TargetFile {
  readonly path: string;
  readonly content: string;
}

export interface TargetResult {
  readonly files: readonly TargetFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What synth tells a target about where its output will live. Never a CLI flag. */
export interface RenderContext {
  /**
   * The project root as an absolute path: where relative build contexts and bind mounts start (the working
   * directory of synth unless told otherwise). A target that needs to look at files there uses this, never
   * `process.cwd()`.
   */
  readonly projectRoot: string;
  /**
   * The project root (where relative build contexts and bind mounts start), as a POSIX path relative to
   * the target's output directory: `../..` for `dist/compose`.
   */
  readonly projectRootFromTargetDir: string;
}

/** A renderer from the spec to one target's files. Pure: no I/O outside its own scratch space, deterministic. */
export interface Target {
  readonly name: TargetName;
  /** Renders one system. When diagnostics hold an error, files may be empty and are never written. */
  render(spec: SystemSpec, context: RenderContext): TargetResult | Promise<TargetResult>;
  /** The paths (relative to the target's output directory) that belong to one app and are replaced as a whole. */
  outputsOf(app: string): readonly string[];
  /**
   * Renders one part of a large system, for a thread of its own; the target's joiner (lib/synth/parts.ts) says
   * how many parts a system has and joins them into what `render` returns, byte for byte.
   */
  renderPart?(spec: SystemSpec, context: RenderContext, part: PartOf): TargetPart | Promise<TargetPart>;
}

/** Which part of a system to render: `index` of `count`, counted from 0. */
export interface PartOf {
  readonly index: number;
  readonly count: number;
}

/** One part of a system rendered apart: its files and findings, and whatever else the joiner needs (cloneable). */
export interface TargetPart extends TargetResult {
  readonly data?: unknown;
}

/**
 * How a target renders one large system in parts, each in a thread of its own (`Target.renderPart`), and joins
 * them; synth finds it by target name (lib/synth/parts.ts). A joiner's module loads no rendering library: the
 * thread that joins renders nothing itself.
 */
export interface PartJoiner {
  /** How many parts `spec` is rendered in on `threads` threads; 1 renders it whole. */
  partsOf(spec: SystemSpec, threads: number): number;
  /** Joins the parts, in index order, into what `render` returns for the whole system. */
  join(spec: SystemSpec, context: RenderContext, parts: readonly TargetPart[]): TargetResult;
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

/** Where part `part`'s share of `length` items starts and ends: contiguous, in order, as even as can be. */
export function shareOf(length: number, part: PartOf): { readonly from: number; readonly to: number } {
  const at = (index: number) => Math.floor((length * index) / part.count);
  return { from: at(part.index), to: at(part.index + 1) };
}
