export * from './graph';
export * from './load-apps';
export * from './synth';
export * from './write-output';
