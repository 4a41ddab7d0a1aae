export { dockerTarget, dockerScriptPath } from './docker-target';
export { DOCKER_CODES } from './codes';
