/**
 * Input addresses and their valid ranges belong to the model (stored uncertainty ranges name
 * them, and validation checks them): they live in shared/model/inputs.ts. The analyses import
 * them from here as before.
 */
export * from '../model/inputs';
