/**
 * A stage of a system: `dev` on a laptop, `prod` in the cloud. An app module that exports a function
 * `(stage: Stage) => System` builds the System of the stage `lading synth --stage NAME` asks for; a module that
 * exports a System builds the same one in every stage.
 */
export interface Stage {
  /** The stage's name, a DNS-1123 label: `dev`, `staging`, `prod`. */
  readonly name: string;
}

/** The stage built when none is named (`lading synth` without `--stage`). */
export const DEFAULT_STAGE = 'dev';
