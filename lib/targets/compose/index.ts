export { composeTarget, composeFilePath } from './compose-target';
export { COMPOSE_CODES } from './codes';
