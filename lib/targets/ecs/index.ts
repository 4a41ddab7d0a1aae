export { ecsTarget } from './target';
export { createEcsApp } from './assembly';
export { addSystemStacks, checkSynthesized, type AddedSystem, type EcsStacksContext } from './cdk-app';
