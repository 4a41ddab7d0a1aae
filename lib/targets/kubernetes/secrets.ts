import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { kubernetesSecretName } from '../../model/secret-names';
import type { SystemSpec } from '../../model/spec';
import type { SecretResolver } from './container';
import type { KubernetesReporter } from './context';
import { isDnsSubdomain } from './names';

/**
 * Model Secrets as references to Kubernetes Secrets, never as Secrets with data: a Secret named after the
 * model's Secret (or its existing name for Kubernetes), the key from the model. Each one used by secret env is reported, so
 * the user knows what to create.
 */
export class SecretRefs implements SecretResolver {
  private readonly refs = new Map<string, { secret: kplus.ISecret; key: string }>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly scope: Construct,
    private readonly spec: SystemSpec,
    private readonly reporter: KubernetesReporter,
  ) {
    for (const s of spec.secrets) {
      const name = this.nameOf(s.name);
      if (!isDnsSubdomain(name)) {
        reporter.report(
          'kubernetes/secret-name',
          `${s.path} existingName`,
          `a Kubernetes Secret cannot be named ${JSON.stringify(name)}: names are lowercase letters, digits, '-' and '.' (at most 253)`,
          `Give the Secret in the cluster a Kubernetes name of its own: existingName: { default: '${name}', kubernetes: '${kubernetesSecretName(name)}' }.`,
        );
      }
    }
  }

  /** The Kubernetes Secret name of a model Secret. */
  nameOf(secret: string): string {
    const s = this.spec.secrets.find((x) => x.name === secret);
    return s?.existingName?.kubernetes ?? secret;
  }

  ref(secret: string): { secret: kplus.ISecret; key: string } | undefined {
    const s = this.spec.secrets.find((x) => x.name === secret);
    if (!s) throw new Error(`secret ${secret} is not in the spec`);
    const name = this.nameOf(secret);
    if (!isDnsSubdomain(name)) return undefined;
    let ref = this.refs.get(secret);
    if (!ref) {
      ref = { secret: kplus.Secret.fromSecretName(this.scope, `secret-${secret}`, name), key: s.key };
      this.refs.set(secret, ref);
    }
    if (!this.reported.has(secret)) {
      this.reported.add(secret);
      this.reporter.report(
        'kubernetes/secret-required',
        s.path,
        `secret env reads key ${s.key} of the Secret ${name}; no Secret with data is written, so it must exist`,
        s.file !== undefined ? `kubectl create secret generic ${name} --from-file=${s.key}=${s.file} (in the project root)` : `kubectl create secret generic ${name} --from-literal=${s.key}=...`,
      );
    }
    return ref;
  }
}
