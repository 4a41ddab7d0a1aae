import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import type { SecretStoreNamesSpec } from './spec';

/**
 * The name a secret already has in each target's store, where the stores name it differently: a Swarm stack's
 * `traefik_users` is the Kubernetes Secret `traefik-users` and the Secrets Manager secret `prod/traefik-users`.
 */
export interface ExistingSecretNames {
  /**
   * The name on every target not named below.
   * @default - none: a target not named below creates the secret
   */
  readonly default?: string;
  /**
   * The name in the Compose output's notes (Compose has no secret store).
   * @default - the default
   */
  readonly compose?: string;
  /**
   * The external Swarm secret: letters, digits, '_', '.' and '-', at most 64.
   * @default - the default
   */
  readonly swarm?: string;
  /**
   * The name in the docker script's notes (docker run has no secret store).
   * @default - the default
   */
  readonly docker?: string;
  /**
   * The Kubernetes Secret: lowercase letters, digits, '-' and '.', at most 253.
   * @default - the default
   */
  readonly kubernetes?: string;
  /**
   * The Secrets Manager secret: letters, digits and /_+=.@-, at most 512.
   * @default - the default
   */
  readonly ecs?: string;
}

/** One name for every target, or a name per target with a default. */
export type ExistingSecretName = string | ExistingSecretNames;

/** The keys of an object of names, in the order a person writes them: the default first. */
export const EXISTING_NAME_KEYS: readonly (keyof ExistingSecretNames)[] = ['default', 'compose', 'swarm', 'docker', 'kubernetes', 'ecs'];

type StoreKey = keyof SecretStoreNamesSpec;
const STORES: readonly StoreKey[] = ['compose', 'docker', 'ecs', 'kubernetes', 'swarm'];
const KEYS = propNames<ExistingSecretNames>({ default: true, compose: true, swarm: true, docker: true, kubernetes: true, ecs: true });

/** Any store's name: Secrets Manager's characters, which hold every other store's. */
const ANY_STORE = { pattern: /^[A-Za-z0-9/_+=.@-]{1,512}$/, rule: 'must be 1-512 letters, digits and /_+=.@-' };
const RULES: Record<StoreKey | 'default', { readonly pattern: RegExp; readonly rule: string }> = {
  default: ANY_STORE,
  compose: ANY_STORE,
  docker: ANY_STORE,
  ecs: ANY_STORE,
  swarm: { pattern: /^(?=.{1,64}$)[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/, rule: "must be a Swarm secret name: 1-64 letters, digits, '_', '.' and '-', a letter or digit at both ends" },
  kubernetes: { pattern: /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, rule: "must be a Kubernetes Secret name: at most 253 lowercase letters, digits, '-' and '.'" },
};

/** True when `name` can name a Swarm secret. */
export function isSwarmSecretName(name: string): boolean {
  return RULES.swarm.pattern.test(name);
}

/** A valid Swarm secret name close to `name`: `prod/api-key` -> `prod_api-key`. */
export function swarmSecretName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 64).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return s || 'secret';
}

/** True when `name` can name a Kubernetes Secret (an RFC 1123 subdomain). */
export function isKubernetesSecretName(name: string): boolean {
  return RULES.kubernetes.pattern.test(name);
}

/** A valid Kubernetes Secret name close to `name`: `traefik_users` -> `traefik-users`, `prod/api-key` -> `prod-api-key`. */
export function kubernetesSecretName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-*\.[-.]*/g, '.')
    .replace(/-+/g, '-')
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'secret';
}

/**
 * The name each target's store gives the secret, from `existingName`: a string names it on every target; an object
 * names it per target, a target not named taking `default`. Undefined when no target has one.
 */
export function resolveExistingSecretName(path: string, value: ExistingSecretName | undefined): SecretStoreNamesSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    check(path, 'existingName', 'default', value);
    return Object.freeze(Object.fromEntries(STORES.map((k) => [k, value])));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(path, 'existingName', 'must be a name or an object of names per target', value, `Write 'prod/db' or { default: 'prod_db', kubernetes: 'prod-db' }`);
  }
  checkKnownProps(path, 'existingName', value, KEYS);
  const given = EXISTING_NAME_KEYS.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (given.length === 0) throw new ModelError(path, 'existingName', 'names no target', value, `Give a default or a name per target (${EXISTING_NAME_KEYS.join(', ')}), or leave existingName out`);
  for (const k of given) check(path, `existingName.${k}`, k, value[k]);
  const out: Record<string, string> = {};
  for (const k of STORES) {
    const name = value[k] ?? value.default;
    if (name !== undefined) out[k] = name;
  }
  return Object.freeze(out);
}

function check(path: string, prop: string, key: StoreKey | 'default', name: unknown): void {
  const { pattern, rule } = RULES[key];
  if (typeof name === 'string' && pattern.test(name)) return;
  const fix = key === 'kubernetes' && typeof name === 'string' ? `Write e.g. ${JSON.stringify(kubernetesSecretName(name))}` : 'Give the name the secret has in its store';
  throw new ModelError(path, prop, rule, name, fix);
}
