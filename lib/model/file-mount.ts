import { ConfigFile } from './config-file';
import type { FileMountSpec } from './config-file-spec';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { Secret } from './secret';

export interface FileMountOptions {
  /**
   * Permission bits of each file, written in octal: `0o440`. Files are always read-only to the container.
   * The docker target binds a project file as it is, with the project file's own bits.
   * @default 0o444 (Docker's default for configs and secrets)
   */
  readonly mode?: number;
}

const FILE_MOUNT_OPTIONS = propNames<FileMountOptions>({ mode: true });

/** The default permission bits of a config or secret file. */
const DEFAULT_FILE_MODE = 0o444;

export type FileMountDef =
  | { kind: 'config'; configFile: ConfigFile; target: string; options: FileMountOptions }
  | { kind: 'secret'; secret: Secret; target: string; options: FileMountOptions };

/** The spec of `Mount.config(...)` or `Mount.secret(...)`, checked. */
export function fileMountSpec(path: string, prop: string, index: number, d: FileMountDef, target: string): FileMountSpec {
  checkKnownProps(path, prop, d.options, FILE_MOUNT_OPTIONS);
  const mode = d.options.mode ?? DEFAULT_FILE_MODE;
  if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0o777) {
    throw new ModelError(path, `${prop}.mode`, 'must be permission bits from 0 to 0o777', d.options.mode, 'Write them in octal, e.g. 0o444 or 0o440');
  }
  if (d.kind === 'config') {
    if (!ConfigFile.isConfigFile(d.configFile)) {
      throw new ModelError(path, `${prop}.configFile`, 'must be a ConfigFile', d.configFile, "Create it with new ConfigFile(system, name, { file: 'apps/proxy/nginx.conf' })");
    }
    return { kind: 'config', source: d.configFile.name, target, mode, index };
  }
  if (!Secret.isSecret(d.secret)) {
    throw new ModelError(path, `${prop}.secret`, 'must be a Secret (the value is not shown)', undefined, 'Create it with new Secret(system, name)');
  }
  return { kind: 'secret', source: d.secret.name, target, mode, index };
}
