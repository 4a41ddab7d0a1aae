export { addSystem, kubernetesTarget, manifestFile, renderKubernetes } from './target';
export { KUBERNETES_CODES } from './codes';
export { chartManifest } from './manifest';
