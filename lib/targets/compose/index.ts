export { composeTarget } from './compose-target';
export { COMPOSE_CODES } from './codes';
