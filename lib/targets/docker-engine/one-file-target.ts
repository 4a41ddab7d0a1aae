import type { CodeEntry } from '../../diagnostics/codes';
import type { TargetName } from '../../diagnostics/diagnostic';
import { Reporter } from '../../diagnostics/reporter';
import type { SystemSpec } from '../../model/spec';
import type { RenderContext, Target, TargetResult } from '../target';

/** What a Docker-engine target that writes one file per system says about itself. */
interface OneFileTargetProps<C extends string> {
  readonly name: TargetName;
  /** The target's code table: its reporter takes these codes only. */
  readonly codes: { readonly [K in C]: CodeEntry };
  /** The path of a system's file, relative to the target's output directory. */
  readonly pathOf: (app: string) => string;
  /** The file's content; what the target cannot express goes to `reporter`. */
  readonly render: (spec: SystemSpec, context: RenderContext, reporter: Reporter<C>) => string;
}

/** A target with one file per system (a compose file, a script): no file when a finding is an error. */
export function oneFileTarget<C extends string>(props: OneFileTargetProps<C>): Target {
  return {
    name: props.name,
    outputsOf: (app) => [props.pathOf(app)],
    render(spec: SystemSpec, context: RenderContext): TargetResult {
      const reporter = new Reporter(props.codes, props.name);
      const content = props.render(spec, context, reporter);
      return { files: reporter.hasErrors ? [] : [{ path: props.pathOf(spec.name), content }], diagnostics: reporter.diagnostics };
    },
  };
}
