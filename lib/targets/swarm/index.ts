export { SWARM_CODES, type SwarmCode } from './codes';
export { stackFilePath, swarmTarget } from './swarm-target';
