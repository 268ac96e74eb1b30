export * from './yaml-value.js';
export * from './errors.js';
export * from './ids.js';
export * from './resource.js';
