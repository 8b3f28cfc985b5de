import { problem } from '../messages/problems';
import { preparedRevenueOf } from '../engine/revenue';
import type { Model } from '../model/schema';
import type { ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { ScenarioEvaluator } from './evaluator';
import { inputUnit, rangeIssue, validRange } from './inputs';
import { outputValue, type OutputName } from './outputs';
import { checkOutput, currentValues, inputPath, resolveInputs, startAnalysis, type AnalysisOptions } from './setup';

/**
 * Data table: an output over a grid of values of one input (a column) or two (rows x
 * columns), everything else as the scenario has it, like Excel's what-if data table. Every
 * value must lie in its input's valid range.
 */
export interface DataTableRequest {
  scenario: string;
  output: OutputName;
  /** One or two inputs, each with the values to try. */
  inputs: readonly { input: string; values: readonly number[] }[];
}

export interface DataTableResult {
  scenarioId: string;
  output: OutputName;
  base: number | null;
  /** Canonical addresses and their values: the first gives the rows, the second the columns. */
  inputs: { input: string; values: number[] }[];
  /** cells[row][column]; one column when there is one input. */
  cells: (number | null)[][];
}

export const MAX_TABLE_VALUES = 1000;

export function dataTable(model: Model, request: DataTableRequest, options: AnalysisOptions = {}): Result<DataTableResult, ModelIssue> {
  const started = startAnalysis(model, request.scenario, options);
  if (!started.ok) return started;
  const analysis = started.value;
  const output = checkOutput(request.output);
  if (!output.ok) return output;
  if (request.inputs.length < 1 || request.inputs.length > 2)
    return err({
      path: 'inputs',
      message: `a data table has one or two inputs, got ${request.inputs.length}`,
      problem: problem('table-input-count', { count: request.inputs.length }),
    });
  const resolved = resolveInputs(
    analysis,
    request.inputs.map((entry) => entry.input),
  );
  if (!resolved.ok) return resolved;
  const inputs = resolved.value;
  for (let k = 0; k < inputs.length; k++) {
    const { input: text, values } = request.inputs[k]!;
    const path = inputPath(text);
    if (values.length === 0 || values.length > MAX_TABLE_VALUES)
      return err({
        path,
        message: `needs 1 to ${MAX_TABLE_VALUES} values, got ${values.length}`,
        problem: problem('table-value-count', { count: values.length, max: MAX_TABLE_VALUES }),
      });
    const range = validRange(analysis.context, inputs[k]!);
    const unit = inputUnit(analysis.context, inputs[k]!);
    for (let v = 0; v < values.length; v++) {
      const outside = rangeIssue(range, values[v]!, unit);
      if (outside)
        return err({
          path,
          message: `value ${v + 1} ${outside.message}`,
          problem: problem('table-value-invalid', { position: v + 1, problem: outside.problem }),
        });
    }
  }

  const base = currentValues(analysis, inputs);
  const evaluator = new ScenarioEvaluator(analysis.tree, analysis.scenario, inputs, base, analysis.result, preparedRevenueOf(analysis.model));
  const work = Float64Array.from(base);
  const read = (): number | null => outputValue(evaluator.evaluate(work), output.value);
  const baseOutput = read();
  const rows = [...request.inputs[0]!.values];
  const columns = request.inputs[1] ? [...request.inputs[1].values] : undefined;
  const cells = rows.map((rowValue) => {
    work[0] = rowValue;
    if (!columns) return [read()];
    return columns.map((columnValue) => {
      work[1] = columnValue;
      return read();
    });
  });
  return ok({
    scenarioId: analysis.scenario.id,
    output: output.value,
    base: baseOutput,
    inputs: inputs.map((input, k) => ({ input: input.address, values: [...request.inputs[k]!.values] })),
    cells,
  });
}
