export { ecsTarget } from './target';
