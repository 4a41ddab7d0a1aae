/** The variable under which Compose exposes the project name to interpolation, when the environment sets none. */
export const PROJECT_NAME_VARIABLE = 'COMPOSE_PROJECT_NAME';

/** The project name as Compose itself normalizes it: lowercase, only a-z, 0-9, `_` and `-`, from a letter or digit. */
export function composeProjectName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
}
