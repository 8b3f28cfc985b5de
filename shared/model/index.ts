export * from './schema';
export * from './units';
export * from './validate';
export { createExampleModel } from './example';
