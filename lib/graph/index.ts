export * from './dot';
export * from './files';
export * from './labels';
export * from './mermaid';
export * from './svg';
export * from './system-graph';
