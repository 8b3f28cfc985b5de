import type { Problem, ValueUnit } from '../problems';

/** Analysis inputs and uncertainty ranges; `unit` says whether values are ratios or amounts (yuan). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface AnalysisProblemParams {
  'not-finite': { value: string };
  'input-out-of-range': { value: number; min: number; max: number; unit: ValueUnit };
  'range-order': { low: number; mostLikely: number; high: number; unit: ValueUnit };
  'range-twice': Record<string, never>;
  'range-address-form': { address: string };
  /** `known`: the model's scenario names; `baseline`: the scenario was asked for as the baseline of a comparison. */
  'no-such-scenario': { name: string; known: string[]; baseline?: boolean };
  'same-input-twice': { input: string; earlier: string };
  'unknown-output': { name: string; choices: string };
  /** A tornado's swing (a fraction: 0.1 is +/-10%). */
  'swing-out-of-range': { value: number; max: number };
  'table-input-count': { count: number };
  'table-value-count': { count: number; max: number };
  /** The `position`-th value (from 1) of a data table's list. */
  'table-value-invalid': { position: number; problem: Problem };
  'trials-out-of-range': { value: number; max: number };
  'seed-invalid': { value: number };
  'bins-out-of-range': { value: number; max: number };
  'no-uncertainty-ranges': Record<string, never>;
  /** An input address (lever:<node>:unitCost, growth, ...) not written as its `kind` of address is written; `any`: no kind of address at all. */
  'address-form': { kind: 'any' | 'lever' | 'share' | 'amount' | 'investment' | 'revenue' | 'margin' | 'revenueLever' | 'oneOff' };
  /** The last part of a lever:<node>:<lever> or revenueLever:<line>:<lever> address names no lever. */
  'lever-kind-unknown': { kind: 'lever' | 'revenueLever'; found: string };
  /** An address names no cost node (`nodeId`: stored ranges name nodes by id only), investment line, revenue line or one-off item (of `scenario`). */
  'address-names-nothing': { kind: 'node' | 'nodeId' | 'investment' | 'revenueLine' | 'oneOff'; reference: string; scenario?: string };
  /** A name that several nodes or lines carry: the first few of them (`count` in all), each with its id and a node's parent. */
  'address-ambiguous': {
    kind: 'node' | 'investment' | 'revenueLine' | 'oneOff';
    reference: string;
    count: number;
    candidates: { id: string; name: string; parent?: string }[];
  };
  /** share:/amount:/revenue: of a line entered the other way (an amount, a share of its parent, a share of the line above). */
  'address-basis': { name: string; id: string; entered: 'nodeAmount' | 'nodeShare' | 'revenueShare' };
}

export const ANALYSIS_CODES = [
  'not-finite',
  'input-out-of-range',
  'range-order',
  'range-twice',
  'range-address-form',
  'no-such-scenario',
  'same-input-twice',
  'unknown-output',
  'swing-out-of-range',
  'table-input-count',
  'table-value-count',
  'table-value-invalid',
  'trials-out-of-range',
  'seed-invalid',
  'bins-out-of-range',
  'no-uncertainty-ranges',
  'address-form',
  'lever-kind-unknown',
  'address-names-nothing',
  'address-ambiguous',
  'address-basis',
] as const satisfies readonly (keyof AnalysisProblemParams)[];
