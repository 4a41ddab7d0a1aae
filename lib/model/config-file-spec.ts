/**
 * The spec of files delivered into containers: config files read from the project (or written inline) and
 * secrets mounted as files. The bytes travel in the spec, so no target reads the project.
 */

/** One file of a ConfigFile, with its bytes. */
export interface ConfigFileEntrySpec {
  /**
   * POSIX path relative to the mount target: for a single file, its base name (`nginx.conf`); for a folder, the
   * path inside it (`conf.d/default.conf`).
   */
  readonly name: string;
  /** The bytes, base64-encoded. */
  readonly base64: string;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly sizeBytes: number;
  /** True when the bytes are valid UTF-8 text without NUL characters. */
  readonly text: boolean;
}

/** A config file or folder of config files. */
export interface ConfigFileSpec {
  readonly name: string;
  readonly path: string;
  /** `file`: one project file; `folder`: the files of a project folder; `content`: text given in the model. */
  readonly source: 'file' | 'folder' | 'content';
  /** `file` and `folder`: the project path, POSIX, relative to the project root (`apps/proxy/nginx.conf`). */
  readonly projectPath?: string;
  /** The files, sorted by name: exactly one for `file` and `content`. */
  readonly files: readonly ConfigFileEntrySpec[];
  /** Names of the workloads that mount it, sorted. */
  readonly users: readonly string[];
}

/**
 * A config file or a secret mounted as a file, read-only. For a single file `target` is the file's path; for a
 * folder each file lands at `<target>/<entry name>`, and the rest of the folder stays the image's.
 */
export interface FileMountSpec {
  readonly kind: 'config' | 'secret';
  /** The ConfigFileSpec name (kind `config`) or SecretSpec name (kind `secret`). */
  readonly source: string;
  /** Absolute path inside the container. */
  readonly target: string;
  /** Permission bits of each file, e.g. 0o444. */
  readonly mode: number;
  /** Index in the container's `mounts` prop, for diagnostics (`mounts[2]`). */
  readonly index: number;
}
