export { loadCompose, type ComposeImport, type LoadComposeOptions } from './load-compose';
export { ComposeFileError } from './errors';
export { IMPORT_CODES, type ImportCode } from './codes';
export { buildSystem } from './build-system';
export type { ImportDiagnostic } from './context';
export type * from './plan';
