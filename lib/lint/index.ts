export * from './codes';
export * from './containers';
export * from './lint';
export * from './rule';

export { looksSecret } from './rules/secret-in-env';
export { DATABASE_PORTS } from './rules/database-port-published';
export { DANGEROUS_CAPABILITIES } from './rules/dangerous-capability';
export { sensitiveHostPath } from './rules/sensitive-host-path';
