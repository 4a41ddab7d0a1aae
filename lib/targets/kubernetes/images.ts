import { posix } from 'node:path';
import type { ContainerSpec, WorkloadSpec } from '../../model/spec';
import { buildAndPush } from '../docker-engine/build-and-push';
import type { KubernetesReporter } from './context';

/**
 * Images on a cluster. A container names its image by reference, as Docker does; an image built from a
 * Dockerfile is named by its tag, which the cluster can pull only once it is pushed (a warning says so).
 */
export function reportBuiltImage(c: ContainerSpec, reporter: KubernetesReporter): void {
  if (c.image.kind !== 'build') return;
  reporter.report(
    'kubernetes/build-image',
    `${c.path} image`,
    `the image is built from ${posix.join(c.image.context, c.image.dockerfile)}; the manifest uses its tag ${c.image.ref}`,
    `Push it where the cluster can pull it, from the project root: ${buildAndPush(c.image)} (or load it into a local cluster).`,
  );
}

/**
 * Private registry credentials of a pod's containers as the pod's `imagePullSecrets`: the Kubernetes Secrets
 * that hold them, sorted, each reported as a Secret that must exist.
 */
export function imagePullSecrets(w: WorkloadSpec, secretName: (secret: string) => string, reporter: KubernetesReporter): string[] {
  const credentials = new Set<string>();
  for (const c of [w.main, ...w.sidecars]) if (c.image.credentials) credentials.add(c.image.credentials);
  return [...credentials].sort().map((s) => {
    const name = secretName(s);
    reporter.report(
      'kubernetes/registry-credentials',
      `${w.path} image`,
      `the pod pulls with imagePullSecrets ${name}: that Secret must exist`,
      `kubectl create secret docker-registry ${name} --docker-server=... --docker-username=... --docker-password=...`,
    );
    return name;
  });
}
