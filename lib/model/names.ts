import { ModelError } from './errors';

/**
 * Names that every target can carry: a DNS-1123 label of at most 63 characters, lowercase letters, digits and
 * '-', starting with a letter and ending with a letter or digit. Kubernetes needs it for Services, Compose
 * for service names, ECS for Cloud Map names.
 */
export const NAME_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function checkName(path: string, what: string, name: string, max = 63): string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || name.length > max) {
    throw new ModelError(
      path,
      'name',
      `${what} name must be at most ${max} lowercase letters, digits and '-', starting with a letter and ending with a letter or digit`,
      name,
      `Rename it, e.g. ${JSON.stringify(suggestName(name, max))}`,
    );
  }
  return name;
}

export function suggestName(name: string, max = 63): string {
  const s = (typeof name === 'string' ? name : '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'app';
}

/** What valid names and construct paths are made of: lowercase letters, digits, '-' and '/'. */
const NAME_CHARACTERS = /^[-/a-z0-9]*$/;

/**
 * Orders two names or construct paths as `a.localeCompare(b)` does. Strings made of lowercase letters, digits,
 * '-' and '/' it orders as their UTF-16 code units, which is the same order, without loading the collator the
 * first `localeCompare` of a process loads (more time than sorting a thousand names).
 */
export function compareNames(a: string, b: string): number {
  if (NAME_CHARACTERS.test(a) && NAME_CHARACTERS.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Environment variable names: letters, digits and '_', not starting with a digit. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Rejects a second construct with the same id under one scope, before `constructs` would throw its own error. */
export function uniqueId(scope: { node: { path: string; tryFindChild(id: string): unknown } } | undefined, id: string): string {
  if (typeof id !== 'string' || id === '') {
    // `constructs` would throw its own error for an empty id
    throw new ModelError(scope ? `${scope.node.path}/` : '/', 'name', "a name is required: lowercase letters, digits and '-'", id, "Name it, e.g. 'web'");
  }
  if (scope && scope.node.tryFindChild(id) !== undefined) {
    throw new ModelError(`${scope.node.path}/${id}`, 'name', 'name already used in this scope', id, 'Give each service, job, network, volume and secret its own name');
  }
  return id;
}
