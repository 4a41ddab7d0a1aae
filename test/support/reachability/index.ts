export { composeMatrix, composeReachability, type Reachability } from './compose';
export { stackReachability } from './swarm';
export { kubernetesMatrix } from './kubernetes';
export type { Matrix } from './matrix';
export { composeNames, ecsNames, kubernetesNames, type Names } from './names';
