import { createHash } from 'crypto';
import type { TargetName } from '../../diagnostics/diagnostic';
import type { SystemSpec } from '../../model/spec';
import type { RenderVersions } from './versions';
import { hashProjectFiles, projectFilesRead } from './project-files';

/** Everything one render of one app on one target depends on. */
export interface RenderInputs {
  /** A target, or `graph` for the pictures synth draws beside them. */
  readonly target: TargetName | 'graph';
  /** The app, its target options included. */
  readonly spec: SystemSpec;
  /** The project root, absolute. */
  readonly projectRoot: string;
  /** The project root as seen from the target's output folder (`../..`). */
  readonly projectRootFromTargetDir: string;
  readonly versions: RenderVersions;
}

/** The name of a render in the cache: a hash of its inputs and of the project files the target reads. */
export function renderKey(inputs: RenderInputs): string {
  const files = projectFilesRead(inputs.target, inputs.spec);
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: 1,
        target: inputs.target,
        spec: inputs.spec,
        projectRoot: inputs.projectRoot,
        projectRootFromTargetDir: inputs.projectRootFromTargetDir,
        versions: inputs.versions,
        files: { paths: files, hash: hashProjectFiles(inputs.projectRoot, files) },
      }),
    )
    .digest('hex');
}
