import { Construct } from 'constructs';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { checkName, uniqueId } from './names';
import { resolveSecretFile } from './secret-file';
import { type ExistingSecretName, resolveExistingSecretName } from './secret-names';
import type { SecretSpec, SecretStoreNamesSpec } from './spec';

export interface SecretProps {
  /**
   * The name of a secret that already exists in the target's secret store (a Secrets Manager secret name, a
   * Kubernetes Secret name, a Swarm secret name): one for every target, `'prod/db'`, or one per target with a
   * default, `{ default: 'db_password', kubernetes: 'db-password', ecs: 'prod/db-password' }`.
   * @default - the target creates the secret: ECS with a generated value; Kubernetes expects a Secret named after
   *   this one; Compose reads the value from the environment variable `envName` at `docker compose up`.
   */
  readonly existingName?: ExistingSecretName;
  /**
   * The environment variable that carries the value when Compose interpolates it.
   * @default - the name in upper case with '-' as '_': `db-password` -> `DB_PASSWORD`
   */
  readonly envName?: string;
  /**
   * The key inside the Kubernetes Secret that holds the value.
   * @default 'value'
   */
  readonly key?: string;
  /**
   * A file of the project that holds the value, relative to the project root (`db/password.txt`), kept out of
   * version control. Compose, Swarm and docker read it when the system starts (Compose only for secret files and
   * with the option secrets 'files'); Kubernetes and ECS read their secret store, and say how to fill it from it.
   * @default - none: the value comes from the environment variable `envName` or the target's secret store
   */
  readonly file?: string;
}

/** A reference to a secret value. The value itself never enters the model or any output. */
export class Secret extends Construct {
  /** True for Secret constructs, across copies of this library. */
  static isSecret(x: unknown): x is Secret {
    return typeof x === 'object' && x !== null && (x as { [SECRET]?: boolean })[SECRET] === true;
  }

  public readonly name: string;
  public readonly envName: string;
  /** The existing name on each target that has one. */
  public readonly existingName?: SecretStoreNamesSpec;
  public readonly key: string;
  public readonly file?: string;

  constructor(scope: Construct, id: string, props: SecretProps = {}) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, SECRET, { value: true });
    this.name = checkName(this.node.path, 'secret', id);
    checkKnownProps(this.node.path, '', props, propNames<SecretProps>({ existingName: true, envName: true, key: true, file: true }));
    this.envName = props.envName ?? id.toUpperCase().replace(/-/g, '_');
    if (!/^[A-Z_][A-Z0-9_]*$/.test(this.envName)) {
      throw new ModelError(this.node.path, 'envName', 'must be upper-case letters, digits and _, not starting with a digit', props.envName, "Use a name like 'DB_PASSWORD'");
    }
    this.existingName = resolveExistingSecretName(this.node.path, props.existingName);
    this.key = props.key ?? 'value';
    if (!/^[-._a-zA-Z0-9]{1,253}$/.test(this.key)) {
      throw new ModelError(this.node.path, 'key', 'must be letters, digits, -, _ and .', props.key, "Use a key like 'value' or 'password'");
    }
    this.file = resolveSecretFile(this.node.path, props.file);
  }

  /** @internal */
  public _toSpec(): SecretSpec {
    return { name: this.name, path: this.node.path, envName: this.envName, existingName: this.existingName, key: this.key, ...(this.file !== undefined ? { file: this.file } : {}) };
  }
}

const SECRET = Symbol.for('lading.Secret');
