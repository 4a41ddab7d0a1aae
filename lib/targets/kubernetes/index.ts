// before cdk8s loads: its YAML library is loaded when first used
import './cdk8s-yaml';
export { addSystem, kubernetesTarget, manifestFile, renderKubernetes } from './target';
export { KUBERNETES_CODES } from './codes';
export { chartManifest } from './manifest';
