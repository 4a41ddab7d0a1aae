export * from './compose';
export * from './typescript';
