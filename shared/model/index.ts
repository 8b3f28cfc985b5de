export * from './schema';
export * from './text';
export * from './units';
export * from './validate';
export { createExampleModel } from './example';
