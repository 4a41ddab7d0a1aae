import type { Severity } from './diagnostic';

/** One documented diagnostic code: its severity and a one-line summary for docs/diagnostics.md. */
export interface CodeEntry {
  readonly severity: Severity;
  readonly summary: string;
}

/**
 * A table of codes. Each area declares its own `as const satisfies CodeTable`, so that every code is a literal
 * type and a misspelt code fails `tsc`:
 *
 * ```ts
 * export const ECS_CODES = { 'ecs/volume-size': { severity: 'info', summary: '...' } } as const satisfies CodeTable;
 * export type EcsCode = CodeOf<typeof ECS_CODES>;
 * ```
 */
export type CodeTable = { readonly [code: string]: CodeEntry };

/** The codes of a table, as a union of string literals. */
export type CodeOf<T extends CodeTable> = Extract<keyof T, string>;

/** Codes that belong to no single target. */
export const GENERAL_CODES = {
  'internal/target-failed': {
    severity: 'error',
    summary: 'A target failed on input it should have handled: a bug in lading. LADING_DEBUG=1 prints the stack trace.',
  },
  'internal/graph-failed': {
    severity: 'error',
    summary: 'Drawing the graph of a system failed: a bug in lading. LADING_DEBUG=1 prints the stack trace.',
  },
  'synth/stage-undeclared': {
    severity: 'warning',
    summary: 'An app built for a stage other than the default by a stage function that names no stages: a misspelt --stage would build too. Export `stages` beside the function.',
  },
} as const satisfies CodeTable;

export type GeneralCode = CodeOf<typeof GENERAL_CODES>;
