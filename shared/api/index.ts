export * from './contract';
export * from './methods';
export * from './files';
