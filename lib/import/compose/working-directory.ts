/** The variable a shell sets to the folder it runs in. */
const PWD = 'PWD';

/** How the import reads variables: a value, and whether that value is the importing host's own. */
export interface VariableSource {
  readonly lookup: (name: string) => string | undefined;
  readonly fromHost: (name: string) => boolean;
  /** Whether `name` is read as the project's folder (`.`), as `docker compose up` in that folder reads it. */
  readonly projectFolder: (name: string) => boolean;
}

/**
 * `${PWD}` is the folder `docker compose up` runs in, the project's own, so `${PWD}/config:/etc/app` binds the
 * project's config folder. The import reads PWD as `.`, a path relative to the project, instead of refusing the
 * importing host's folder, unless .env sets PWD or `--allow-host-variable PWD` asks for the host's value.
 */
export function withProjectFolder(
  env: Readonly<Record<string, string | undefined>>,
  dotenv: Readonly<Record<string, string>>,
  allowed: ReadonlySet<string>,
): VariableSource {
  const projectFolder = (name: string) => name === PWD && dotenv[name] === undefined && !allowed.has(name);
  return {
    lookup: (name) => (projectFolder(name) ? '.' : env[name] ?? dotenv[name]),
    fromHost: (name) => !projectFolder(name) && env[name] !== undefined && !allowed.has(name),
    projectFolder,
  };
}
