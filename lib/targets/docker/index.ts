export { dockerTarget } from './docker-target';
export { DOCKER_CODES } from './codes';
