export { writeApp, type WriteAppOptions } from './write-app';
