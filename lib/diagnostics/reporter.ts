import type { CodeEntry } from './codes';
import type { Diagnostic, TargetName } from './diagnostic';

/**
 * Collects the findings of one area (a target, lint, the importer, the model's system checks) for one run.
 * The code is typed by the area's table, so a code that does not exist fails `tsc`; the severity always comes
 * from the table, never from the caller.
 *
 * ```ts
 * const reporter = new Reporter(ECS_CODES, 'ecs');
 * reporter.report('ecs/volume-size', 'shop/pgdata size', 'EFS grows with its content', 'Leave size unset');
 * ```
 */
export class Reporter<C extends string> {
  private readonly list: Diagnostic[] = [];

  constructor(
    private readonly codes: { readonly [K in C]: CodeEntry },
    /** Set for a target's reporter: every finding is then about that target. */
    readonly target?: TargetName,
  ) {}

  /** Records one finding: `path` is the construct path plus the prop (`shop/web ports[1]`). */
  report(code: C, path: string, message: string, fix?: string, about: TargetName | undefined = this.target): void {
    this.list.push(this.make(code, path, message, fix, about));
  }

  /**
   * The finding `report` would record, without recording it. `about` names the one target a finding of a
   * target-neutral area (a lint rule) concerns; a target's reporter names its own.
   */
  make(code: C, path: string, message: string, fix?: string, about: TargetName | undefined = this.target): Diagnostic {
    const entry = this.codes[code];
    return {
      code,
      severity: entry.severity,
      path,
      ...(about ? { target: about } : {}),
      message,
      ...(fix ? { fix } : {}),
    };
  }

  /** Every finding so far, in the order reported. */
  get diagnostics(): readonly Diagnostic[] {
    return this.list;
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}
