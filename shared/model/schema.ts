import { problem } from '../messages/problems';
import type { RatioReason } from '../messages/codes/model';
import { z } from 'zod';
import { cleanText, quoteText, textProblem, uncleanText } from './text';
import { DISPLAY_UNITS, LANGUAGES } from './units';

/**
 * The structural rules of a model: types, finiteness and ranges of single fields.
 * Rules that need more than one field (sibling shares, cycles, duplicate names, lever
 * targets) live in `validate.ts`. The JSON interchange format is exactly this shape;
 * docs/model-format.md documents every field.
 */

export const MODEL_FORMAT = 'service-cost-planner/model';
/** 2 added revenue lines, revenue levers, one-off cash items, captions, client and presentation. */
export const MODEL_SCHEMA_VERSION = 2;
/** Versions this app reads: an older document holds a subset of the current fields. */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

export const LIMITS = {
  nameMaxLength: 120,
  notesMaxLength: 4000,
  idMaxLength: 64,
  maxAmount: 1e15,
  maxHorizonYears: 30,
  maxNodes: 100_000,
  maxScenarios: 200,
  maxInvestmentLines: 200,
  /** A cost can at most grow elevenfold through one lever; beyond that it is a typo. */
  maxCostIncrease: 10,
  maxThroughputIncrease: 100,
  maxRate: 10,
  /** Rates and per-capita volume fall by at most 99%: beyond that, 30 years compound past any float. */
  minRate: -0.99,
  /** Levels below the root; with the factor limits it keeps every result a finite number. */
  maxDepth: 30,
  /** Uncertainty ranges per scenario (one per input at most). */
  maxUncertainInputs: 1000,
  inputAddressMaxLength: 300,
  maxOneOffItems: 200,
  captionMaxLength: 60,
  clientMaxLength: 120,
  /** A logo for the deck and workbook, as base64: about 1.5 MB of image. */
  logoMaxBase64Length: 2_000_000,
} as const;

function percent(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoteText(value, 40);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
}

function finiteNumber(): z.ZodNumber {
  return z.number({
    error: (issue) =>
      typeof issue.input === 'number' ? `must be a finite number, got ${describe(issue.input)}` : `must be a number, got ${describe(issue.input)}`,
  });
}

/** A number in [min, max]; `exclusiveMin` turns the lower bound into "greater than". */
function ratioInRange(min: number, max: number, options: { exclusiveMin?: boolean; what?: string; reason?: RatioReason } = {}) {
  return finiteNumber().superRefine((value, ctx) => {
    const belowMin = options.exclusiveMin ? value <= min : value < min;
    if (belowMin || value > max) {
      const lower = options.exclusiveMin ? `above ${percent(min)}` : `at least ${percent(min)}`;
      const reason = options.what ? ` (${options.what})` : '';
      ctx.addIssue({
        code: 'custom',
        message: `must be ${lower} and at most ${percent(max)}${reason}, got ${percent(value)}`,
        params: {
          problem: problem('ratio-out-of-range', {
            value,
            min,
            max,
            exclusiveMin: options.exclusiveMin ?? false,
            ...(options.reason ? { reason: options.reason } : {}),
          }),
        },
      });
    }
  });
}

const amount = finiteNumber().superRefine((value, ctx) => {
  if (value < 0)
    ctx.addIssue({ code: 'custom', message: `must not be negative, got ${value}`, params: { problem: problem('amount-negative', { amount: value }) } });
  else if (value > LIMITS.maxAmount)
    ctx.addIssue({
      code: 'custom',
      message: `must be at most ${LIMITS.maxAmount} (base currency units), got ${value}`,
      params: { problem: problem('amount-too-large', { amount: value, max: LIMITS.maxAmount }) },
    });
});

const name = z.string({ error: (issue) => `must be text, got ${describe(issue.input)}` }).superRefine((value, ctx) => {
  if (value.trim().length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { problem: problem('name-empty', {}) } });
  else if (value.length > LIMITS.nameMaxLength)
    ctx.addIssue({
      code: 'custom',
      message: `must be at most ${LIMITS.nameMaxLength} characters, got ${value.length}`,
      params: { problem: problem('name-too-long', { length: value.length, max: LIMITS.nameMaxLength }) },
    });
  else {
    // Clean text (shared/model/text.ts): no lone surrogates, controls or direction overrides.
    const unclean = uncleanText(value);
    if (unclean) ctx.addIssue({ code: 'custom', message: textProblem(value), params: { problem: unclean } });
  }
});

/** Free notes: clean text (shared/model/text.ts) that may hold line breaks and tabs. */
const notes = cleanText({ max: LIMITS.notesMaxLength, multiline: true });

/** A driver's name on one line in both languages (库存周转率 / inventory turnover); either may be absent. */
const captionText = cleanText({ max: LIMITS.captionMaxLength });
export const captionSchema = z.strictObject({ zh: captionText.optional(), en: captionText.optional() });

const id = z
  .string({ error: (issue) => `must be text, got ${describe(issue.input)}` })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'may only hold letters, digits and _ . : -' })
  .max(LIMITS.idMaxLength, { error: `must be at most ${LIMITS.idMaxLength} characters` });

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => `must be one of ${values.join(', ')}, got ${describe(issue.input)}`,
  });
}

export const costBasisSchema = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('amount'), amount }), z.strictObject({ kind: z.literal('share'), share: ratioInRange(0, 1) })],
  { error: 'must be {"kind":"amount","amount":...} or {"kind":"share","share":...}' },
);

export const RELEVANCE = ['strong', 'weak'] as const;

export const costNodeSchema = z.strictObject({
  id,
  parentId: id.nullable(),
  name,
  basis: costBasisSchema,
  relevance: oneOf(RELEVANCE),
  notes: notes.optional(),
  /** What the line calls its lever kinds, shown wherever the lever is. */
  captions: z
    .strictObject({ unitCostChange: captionSchema.optional(), throughputChange: captionSchema.optional(), volumeChange: captionSchema.optional() })
    .optional(),
});

export const LEVER_KINDS = ['unitCostChange', 'throughputChange', 'volumeChange'] as const;

/**
 * A service revenue line (out-of-warranty repairs, service contracts...), structured like
 * the cost tree: an amount a year or a share of its parent line. Revenue lines form a
 * forest: any number of top-level lines, each with an amount. `margin` is the contribution
 * margin (share of revenue left after the costs that scale with volume); a parent's margin
 * applies to the part of its revenue its children do not take.
 */
export const revenueLineSchema = z.strictObject({
  id,
  parentId: id.nullable(),
  name,
  basis: costBasisSchema,
  margin: ratioInRange(0, 1),
  notes: notes.optional(),
  captions: z.strictObject({ volumeChange: captionSchema.optional(), priceChange: captionSchema.optional() }).optional(),
});

export const REVENUE_LEVER_KINDS = ['volumeChange', 'priceChange'] as const;

/** Levers on a revenue line; like cost levers they act on the line and every line below it. */
export const revenueLeverSchema = z.strictObject({
  lineId: id,
  /** v: the volume sold on this line changes by v (more paid repairs, a higher repeat-purchase rate). */
  volumeChange: ratioInRange(-1, LIMITS.maxCostIncrease, { what: 'a volume cannot fall below zero', reason: 'volume' }).optional(),
  /** p: the price changes by p. */
  priceChange: ratioInRange(-1, LIMITS.maxCostIncrease, { what: 'a price cannot fall below zero', reason: 'price' }).optional(),
});

export const leverSchema = z.strictObject({
  nodeId: id,
  /** u: cost per ticket changes by u; the cost is multiplied by (1 + u). */
  unitCostChange: ratioInRange(-1, LIMITS.maxCostIncrease, { what: 'a unit cost cannot fall below zero', reason: 'unitCost' }).optional(),
  /** t: tickets per agent change by t at the same wage; the cost is multiplied by 1 / (1 + t). */
  throughputChange: ratioInRange(LIMITS.minRate, LIMITS.maxThroughputIncrease, {
    what: 'per-capita volume cannot fall to zero',
    reason: 'throughput',
  }).optional(),
  /** v: the volume handled on this line changes by v; the cost is multiplied by (1 + v). */
  volumeChange: ratioInRange(-1, LIMITS.maxCostIncrease, { what: 'a volume cannot fall below zero', reason: 'volume' }).optional(),
});

export const INVESTMENT_CATEGORIES = ['bonus', 'digitalTools', 'teamAndPay', 'training', 'other'] as const;
export const INVESTMENT_TIMINGS = ['upfront', 'spread'] as const;

export const investmentAmountSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('perYear'), amount }),
    z.strictObject({
      kind: z.literal('yearly'),
      amounts: z
        .array(amount)
        .min(1, { error: 'must list at least one year' })
        .max(LIMITS.maxHorizonYears, { error: `must list at most ${LIMITS.maxHorizonYears} years` }),
    }),
    z.strictObject({ kind: z.literal('shareOfSaving'), share: ratioInRange(0, 1) }),
  ],
  { error: 'must be {"kind":"perYear",...}, {"kind":"yearly",...} or {"kind":"shareOfSaving",...}' },
);

export const investmentLineSchema = z.strictObject({
  id,
  name,
  category: oneOf(INVESTMENT_CATEGORIES),
  amount: investmentAmountSchema,
  timing: oneOf(INVESTMENT_TIMINGS),
});

const signedAmount = finiteNumber().superRefine((value, ctx) => {
  if (Math.abs(value) > LIMITS.maxAmount)
    ctx.addIssue({
      code: 'custom',
      message: `must be between -${LIMITS.maxAmount} and ${LIMITS.maxAmount} (base currency units), got ${value}`,
      params: { problem: problem('signed-amount-too-large', { amount: value, max: LIMITS.maxAmount }) },
    });
});

/**
 * A one-off cash amount in one plan year (stock released, an asset sold; negative for a
 * one-off cost). It counts in the year's net cash, NPV and payback, never in the profit
 * ratios (return / investment, net ROI).
 */
export const oneOffItemSchema = z.strictObject({
  id,
  name,
  amount: signedAmount,
  year: finiteNumber().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.maxHorizonYears)
      ctx.addIssue({
        code: 'custom',
        message: `must be a plan year from 1 to ${LIMITS.maxHorizonYears}, got ${value}`,
        params: { problem: problem('plan-year-invalid', { value, max: LIMITS.maxHorizonYears }) },
      });
  }),
  timing: oneOf(INVESTMENT_TIMINGS),
  notes: notes.optional(),
});

export const DISTRIBUTIONS = ['triangular', 'pert'] as const;

/**
 * The range of one uncertain input of a scenario, for the Monte Carlo simulation. `input` is
 * the canonical address of a number of the scenario or the model, with ids:
 * lever:<nodeId>:unitCost|throughput|volume, growth, discount, share:<nodeId>,
 * amount:<nodeId>, investment:<lineId> (shared/analysis/inputs.ts). Whether the address
 * resolves and the bounds fit the input's valid range are checked in validate.ts.
 */
export const inputRangeSchema = z.strictObject({
  input: z
    .string({ error: (issue) => `must be text, got ${describe(issue.input)}` })
    .min(1, { error: 'must not be empty' })
    .max(LIMITS.inputAddressMaxLength, { error: `must be at most ${LIMITS.inputAddressMaxLength} characters` }),
  low: finiteNumber(),
  mostLikely: finiteNumber(),
  high: finiteNumber(),
  distribution: oneOf(DISTRIBUTIONS),
});

export const scenarioSchema = z.strictObject({
  id,
  name,
  horizonYears: finiteNumber().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.maxHorizonYears)
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number of years from 1 to ${LIMITS.maxHorizonYears}, got ${value}`,
        params: { problem: problem('horizon-invalid', { value, max: LIMITS.maxHorizonYears }) },
      });
  }),
  volumeGrowth: ratioInRange(LIMITS.minRate, LIMITS.maxRate),
  discountRate: ratioInRange(LIMITS.minRate, LIMITS.maxRate),
  ramp: z
    .array(ratioInRange(0, 1))
    .max(LIMITS.maxHorizonYears, { error: `must list at most ${LIMITS.maxHorizonYears} years` })
    .optional(),
  levers: z.array(leverSchema),
  /** Levers on revenue lines; absent when none. */
  revenueLevers: z.array(revenueLeverSchema).optional(),
  /** One-off cash items; absent when none. */
  oneOffs: z
    .array(oneOffItemSchema)
    .max(LIMITS.maxOneOffItems, { error: `must hold at most ${LIMITS.maxOneOffItems} items` })
    .optional(),
  investments: z.array(investmentLineSchema).max(LIMITS.maxInvestmentLines, { error: `must hold at most ${LIMITS.maxInvestmentLines} lines` }),
  /** Ranges of the inputs that are uncertain (Monte Carlo); absent when none. */
  uncertainty: z
    .array(inputRangeSchema)
    .max(LIMITS.maxUncertainInputs, { error: `must hold at most ${LIMITS.maxUncertainInputs} ranges` })
    .optional(),
});

/** How the deck and workbook look: an accent colour and an optional logo. */
export const presentationSchema = z.strictObject({
  accentColor: z
    .string({ error: (issue) => `must be text, got ${describe(issue.input)}` })
    .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour written #RRGGBB' })
    .optional(),
  logo: z
    .strictObject({
      mediaType: oneOf(['image/png', 'image/jpeg'] as const),
      /** The image bytes in base64. */
      data: z
        .string({ error: (issue) => `must be text, got ${describe(issue.input)}` })
        .max(LIMITS.logoMaxBase64Length, { error: `must be at most ${LIMITS.logoMaxBase64Length} characters of base64` })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' }),
    })
    .optional(),
});

export const modelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT, { error: `must be "${MODEL_FORMAT}"` }),
  // An older version reads as the current one: its fields are a subset of today's.
  schemaVersion: z
    .literal(READABLE_SCHEMA_VERSIONS, {
      error: (issue) =>
        typeof issue.input === 'number' && issue.input > MODEL_SCHEMA_VERSION
          ? `is ${issue.input}, written by a newer version of the app (this one reads ${MODEL_SCHEMA_VERSION})`
          : `must be ${READABLE_SCHEMA_VERSIONS.join(' or ')}, got ${describe(issue.input)}`,
    })
    .transform((): typeof MODEL_SCHEMA_VERSION => MODEL_SCHEMA_VERSION),
  name,
  /** The client (company) the plan is for, shown on the deck and workbook. */
  client: z
    .string({ error: (issue) => `must be text, got ${describe(issue.input)}` })
    .max(LIMITS.clientMaxLength, { error: `must be at most ${LIMITS.clientMaxLength} characters` })
    .optional(),
  presentation: presentationSchema.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code such as CNY' }),
  displayUnit: oneOf(DISPLAY_UNITS),
  language: oneOf(LANGUAGES),
  firstPlanYear: finiteNumber().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < 1900 || value > 2200)
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole year from 1900 to 2200, got ${value}`,
        params: { problem: problem('year-invalid', { value }) },
      });
  }),
  costTree: z
    .array(costNodeSchema)
    .min(1, { error: 'must hold at least the root node' })
    .max(LIMITS.maxNodes, { error: `must hold at most ${LIMITS.maxNodes} nodes` }),
  /** Service revenue lines; absent when the model has none. */
  revenueLines: z
    .array(revenueLineSchema)
    .max(LIMITS.maxNodes, { error: `must hold at most ${LIMITS.maxNodes} lines` })
    .optional(),
  scenarios: z.array(scenarioSchema).max(LIMITS.maxScenarios, { error: `must hold at most ${LIMITS.maxScenarios} scenarios` }),
});

export type Model = z.infer<typeof modelSchema>;
export type CostNode = z.infer<typeof costNodeSchema>;
export type CostBasis = z.infer<typeof costBasisSchema>;
export type Relevance = (typeof RELEVANCE)[number];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Lever = z.infer<typeof leverSchema>;
export type LeverKind = (typeof LEVER_KINDS)[number];
export type InvestmentLine = z.infer<typeof investmentLineSchema>;
export type InvestmentAmount = z.infer<typeof investmentAmountSchema>;
export type InvestmentCategory = (typeof INVESTMENT_CATEGORIES)[number];
export type InvestmentTiming = (typeof INVESTMENT_TIMINGS)[number];
export type InputRange = z.infer<typeof inputRangeSchema>;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type RevenueLine = z.infer<typeof revenueLineSchema>;
export type RevenueLever = z.infer<typeof revenueLeverSchema>;
export type RevenueLeverKind = (typeof REVENUE_LEVER_KINDS)[number];
export type OneOffItem = z.infer<typeof oneOffItemSchema>;
export type Caption = z.infer<typeof captionSchema>;
export type Presentation = z.infer<typeof presentationSchema>;
