export * from './contract';
export * from './methods';
