import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { SecretPlan } from './plan';

/**
 * The secrets of an imported system: those read from a variable of the deploying host (`${DB_PASSWORD:?...}` in
 * an environment value) and those declared under the top-level `secrets`.
 */
export class SecretRegistry {
  private readonly byVariable = new Map<string, string>();
  private readonly byComposeName = new Map<string, string>();
  /** `KEY=composed text` -> secret id. */
  private readonly byComposition = new Map<string, string>();
  private readonly plans = new Map<string, SecretPlan>();
  /** Where a secret of each kind was first used, for the secret-mode diagnostic. */
  public firstVariableUse?: { keyPath: string; line: number };
  public usesFiles = false;
  /** Set when an environment value reads a variable of the deploying host into a secret. */
  public readsVariables = false;

  constructor(private readonly ctx: ImportContext, private readonly names: NameTable) {}

  /** The secret whose value is the variable `variable`; `hint` is the id a lading-written message names. */
  forVariable(variable: string, hint: string | undefined, keyPath: string, line: number): string {
    this.firstVariableUse ??= { keyPath, line };
    this.readsVariables = true;
    const known = this.byVariable.get(variable);
    if (known) return known;
    const wanted = hint ?? variable.toLowerCase().replace(/_/g, '-');
    const finalId = this.names.reserve('secret', wanted);
    this.byVariable.set(variable, finalId);
    const defaultEnv = finalId.toUpperCase().replace(/-/g, '_');
    this.plans.set(finalId, { id: finalId, ...(defaultEnv !== variable ? { envName: variable } : {}) });
    return finalId;
  }

  /**
   * The secret that holds the environment value `key`, written as `raw` (text and variables of the importing host):
   * one secret per key and text, named after the key.
   */
  forComposed(key: string, raw: string): string {
    this.readsVariables = true;
    const known = this.byComposition.get(`${key}=${raw}`);
    if (known) return known;
    const id = this.names.reserve('secret', key.toLowerCase().replace(/_/g, '-'));
    this.byComposition.set(`${key}=${raw}`, id);
    const defaultEnv = id.toUpperCase().replace(/-/g, '_');
    const keep = defaultEnv !== key && /^[A-Z_][A-Z0-9_]*$/.test(key) && !this.byVariable.has(key);
    this.plans.set(id, { id, ...(keep ? { envName: key } : {}) });
    return id;
  }

  /** The variable that holds a secret's value on Compose. */
  envNameOf(id: string): string {
    return this.plans.get(id)?.envName ?? id.toUpperCase().replace(/-/g, '_');
  }

  /** Declares a top-level Compose secret. */
  declare(composeName: string, plan: Omit<SecretPlan, 'id'>, keyPath: string, line: number): string {
    const id = this.names.claim('secret', composeName, keyPath, line);
    this.byComposeName.set(composeName, id);
    this.plans.set(id, { id, ...plan });
    return id;
  }

  /** Gives a declared secret the project file that holds its value. */
  readFrom(id: string, file: string): void {
    const plan = this.plans.get(id);
    if (plan) this.plans.set(id, { ...plan, file });
  }

  /** The id of a declared Compose secret, or undefined (reported) when it is not declared. */
  composeSecret(composeName: string, keyPath: string, line: number): string | undefined {
    const id = this.byComposeName.get(composeName);
    if (!id) {
      this.ctx.reporter.report(
        'import/unknown-reference',
        at(this.ctx, keyPath, line),
        `secret ${JSON.stringify(composeName)} is not declared under the top-level secrets.`,
        'Declare it, e.g. secrets: { NAME: { file: ./NAME.txt } }.',
      );
    } else this.usesFiles = true;
    return id;
  }

  /** Every secret, sorted by id. */
  all(): SecretPlan[] {
    return [...this.plans.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
