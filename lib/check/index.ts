export * from './attribute';
export * from './build-report';
export * from './concepts';
export * from './format-json';
export * from './format-text';
export * from './report';
export * from './run-check';
export * from './security-view';
