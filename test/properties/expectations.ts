import { lookupCode } from '../../lib/diagnostics/catalogue';
import type { Diagnostic, TargetName } from '../../lib/diagnostics/diagnostic';
import { ModelError } from '../../lib/model';
import type { SystemSpec } from '../../lib/model/spec';

/** Words that mean a message was built from a value that was not there. */
const BROKEN = /\bundefined\b|\bNaN\b|\[object Object\]/;
const STACK = /\n\s+at /;

/** What a rejected system must look like: a ModelError whose every line names a path, no stack, no `undefined`. */
export function expectUserError(thrown: unknown): void {
  if (!ModelError.is(thrown)) throw new Error(`not a ModelError: ${String((thrown as Error)?.stack ?? thrown)}`);
  const message = (thrown as Error).message;
  expect(message).not.toMatch(STACK);
  expect(message).not.toMatch(BROKEN);
  for (const line of message.split('\n')) expect(line).toMatch(/^\S[^:]*: \S/);
  const errors = (thrown as { errors?: ModelError[] }).errors ?? [thrown as ModelError];
  for (const e of errors) expect(typeof e.path === 'string' && e.path.length > 0).toBe(true);
}

/** What every diagnostic must look like: a catalogued code and severity, a path in the system, a clean message. */
export function expectWellFormed(spec: SystemSpec, list: readonly Diagnostic[], target?: TargetName): void {
  for (const d of list) {
    const entry = lookupCode(d.code);
    if (!entry) throw new Error(`undocumented code ${d.code}: ${d.message}`);
    expect([d.code, d.severity]).toEqual([d.code, entry.severity]);
    if (target) expect(d.target).toBe(target);
    expect(d.path === spec.name || d.path.startsWith(`${spec.name}/`) || d.path.startsWith(`${spec.name} `)).toBe(true);
    expect(`${d.message} ${d.fix ?? ''}`).not.toMatch(BROKEN);
    expect(d.message).not.toMatch(STACK);
  }
}

export const hasError = (list: readonly Diagnostic[]) => list.some((d) => d.severity === 'error');

/** Reproducible by default; LADING_FC_SEED and LADING_FC_RUNS explore further. */
export function fcParameters(runs: number): { numRuns: number; seed: number; endOnFailure: boolean } {
  return {
    numRuns: Number(process.env.LADING_FC_RUNS ?? runs),
    seed: Number(process.env.LADING_FC_SEED ?? 20261128),
    endOnFailure: true,
  };
}
