import { z } from 'zod';
import {
  costBasisSchema,
  costNodeSchema,
  inputRangeSchema,
  investmentLineSchema,
  LEVER_KINDS,
  LIMITS,
  modelSchema,
  RELEVANCE,
  scenarioSchema,
} from '../model/schema';

/**
 * Every change a planner can make to a model, as data. The UI, the API and the store all
 * speak these; `applyEdit` turns one into entity changes or a list of problems. Ids of new
 * things are optional: `assignIds` fills them in before the edit is applied.
 */
const id = z.string().min(1).max(64);
const settingsShape = modelSchema.pick({ name: true, currency: true, displayUnit: true, language: true, firstPlanYear: true }).shape;
const scenarioShape = scenarioSchema.shape;

const singleEditOptions = [
  z.strictObject({
    type: z.literal('setModelSettings'),
    name: settingsShape.name.optional(),
    currency: settingsShape.currency.optional(),
    displayUnit: settingsShape.displayUnit.optional(),
    language: settingsShape.language.optional(),
    firstPlanYear: settingsShape.firstPlanYear.optional(),
  }),
  z.strictObject({
    type: z.literal('addNode'),
    node: costNodeSchema.extend({ id: costNodeSchema.shape.id.optional() }),
    /** Place the new node before this sibling; by default it becomes the parent's last child. */
    beforeId: id.optional(),
  }),
  z.strictObject({ type: z.literal('renameNode'), nodeId: id, name: costNodeSchema.shape.name }),
  z.strictObject({ type: z.literal('moveNode'), nodeId: id, parentId: id, beforeId: id.optional() }),
  z.strictObject({ type: z.literal('deleteNode'), nodeId: id }),
  z.strictObject({ type: z.literal('setBasis'), nodeId: id, basis: costBasisSchema }),
  z.strictObject({ type: z.literal('setRelevance'), nodeId: id, relevance: z.enum(RELEVANCE) }),
  z.strictObject({ type: z.literal('setNotes'), nodeId: id, notes: costNodeSchema.shape.notes.unwrap().nullable() }),
  z.strictObject({
    type: z.literal('setLever'),
    scenarioId: id,
    nodeId: id,
    kind: z.enum(LEVER_KINDS),
    /** null clears this kind of lever on the node. */
    value: z.number().nullable(),
  }),
  z.strictObject({ type: z.literal('clearLevers'), scenarioId: id, nodeId: id }),
  z.strictObject({
    type: z.literal('addScenario'),
    scenario: scenarioSchema.extend({ id: scenarioShape.id.optional() }),
  }),
  z.strictObject({ type: z.literal('cloneScenario'), scenarioId: id, newId: scenarioShape.id.optional(), name: scenarioShape.name }),
  z.strictObject({ type: z.literal('renameScenario'), scenarioId: id, name: scenarioShape.name }),
  z.strictObject({ type: z.literal('deleteScenario'), scenarioId: id }),
  z.strictObject({
    type: z.literal('setScenarioParameters'),
    scenarioId: id,
    horizonYears: scenarioShape.horizonYears.optional(),
    volumeGrowth: scenarioShape.volumeGrowth.optional(),
    discountRate: scenarioShape.discountRate.optional(),
    /** null removes the ramp (every year at 100%). */
    ramp: scenarioShape.ramp.unwrap().nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('addInvestment'),
    scenarioId: id,
    line: investmentLineSchema.extend({ id: investmentLineSchema.shape.id.optional() }),
  }),
  z.strictObject({
    type: z.literal('changeInvestment'),
    scenarioId: id,
    lineId: id,
    name: investmentLineSchema.shape.name.optional(),
    category: investmentLineSchema.shape.category.optional(),
    amount: investmentLineSchema.shape.amount.optional(),
    timing: investmentLineSchema.shape.timing.optional(),
  }),
  z.strictObject({ type: z.literal('deleteInvestment'), scenarioId: id, lineId: id }),
  z.strictObject({
    type: z.literal('setInputRange'),
    scenarioId: id,
    /** An input address (shared/analysis/inputs.ts), by id or name; stored with ids. */
    input: z.string().min(1).max(LIMITS.inputAddressMaxLength),
    /** The input's range for the Monte Carlo simulation; null removes it. */
    range: inputRangeSchema.omit({ input: true }).nullable(),
  }),
] as const;

/** One change a planner makes to one thing (a cell, a line, a scenario's settings). */
export const singleEditCommandSchema = z.discriminatedUnion('type', [...singleEditOptions]);

/** The most single edits one user action may carry (a paste over every line of the largest model). */
export const MAX_BATCH_EDITS = 200_000;

/**
 * Several single edits that one user action makes (a paste of a block, fill down, goal-seek
 * "Apply", a range on every lever): applied in order, validated once on the result, written
 * in one transaction with one log entry, undone in one step. A state in between (one share
 * raised before its sibling is lowered) may break a rule; only the end state counts.
 */
export const batchEditSchema = z.strictObject({
  type: z.literal('batch'),
  /** What the action was, for the log ("paste", "fill down", "goal seek"). */
  label: z.string().max(LIMITS.nameMaxLength).optional(),
  edits: z.array(singleEditCommandSchema).min(1).max(MAX_BATCH_EDITS),
});

export const editCommandSchema = z.discriminatedUnion('type', [...singleEditOptions, batchEditSchema]);

export type SingleEditCommand = z.infer<typeof singleEditCommandSchema>;
export type BatchEditCommand = z.infer<typeof batchEditSchema>;
export type EditCommand = z.infer<typeof editCommandSchema>;
export type EditCommandType = EditCommand['type'];

/** One command for the edits of one user action: the edit itself when there is one. */
export function batchOf(edits: readonly SingleEditCommand[], label?: string): EditCommand {
  if (edits.length === 1) return edits[0]!;
  return label === undefined ? { type: 'batch', edits: [...edits] } : { type: 'batch', label, edits: [...edits] };
}

/** Fills in the ids of the things a command creates, so that applying it is deterministic. */
export function assignIds(command: EditCommand, newId: () => string): EditCommand {
  switch (command.type) {
    case 'addNode':
      return command.node.id ? command : { ...command, node: { ...command.node, id: newId() } };
    case 'addScenario':
      return command.scenario.id ? command : { ...command, scenario: { ...command.scenario, id: newId() } };
    case 'cloneScenario':
      return command.newId ? command : { ...command, newId: newId() };
    case 'addInvestment':
      return command.line.id ? command : { ...command, line: { ...command.line, id: newId() } };
    case 'batch':
      return { ...command, edits: command.edits.map((edit) => assignIds(edit, newId) as SingleEditCommand) };
    default:
      return command;
  }
}
