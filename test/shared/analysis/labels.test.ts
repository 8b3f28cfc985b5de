import { describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate';
import { inputContext, scenarioInputs } from '../../../shared/analysis/inputs';
import { uniqueInputLabels, uniqueLabels } from '../../../shared/analysis/labels';
import { inputLabel } from '../../../shared/analysis/setup';
import { createExampleModel } from '../../../shared/model';

/** Input labels in the analysis pickers: every input one label of its own, qualified by the shortest path end. */
describe('unique input labels', () => {
  it('qualifies repeated labels by the shortest end of their paths and keeps unique ones as they are', () => {
    const labels = uniqueLabels([
      { key: 'a', label: 'Team 1：业务量', path: ['总成本', '客服中心', '华东'] },
      { key: 'b', label: 'Team 1：业务量', path: ['总成本', '备件物流', '华东'] },
      { key: 'c', label: 'Team 1：业务量', path: ['总成本', '备件物流', '华南'] },
      { key: 'd', label: '业务量增长率', path: [] },
    ]);
    expect(labels.get('a')).toBe('客服中心 › 华东 › Team 1：业务量');
    expect(labels.get('b')).toBe('备件物流 › 华东 › Team 1：业务量');
    expect(labels.get('c')).toBe('华南 › Team 1：业务量');
    expect(labels.get('d')).toBe('业务量增长率');
  });

  it('numbers inputs whose whole paths agree, and never reuses a label another input has', () => {
    const labels = uniqueLabels([
      { key: 'a', label: 'Labor', path: ['Root', 'Area'] },
      { key: 'b', label: 'Labor', path: ['Root', 'Area'] },
      { key: 'c', label: 'Area › Labor', path: [] },
    ]);
    expect(labels.get('c')).toBe('Area › Labor');
    expect(new Set(labels.values()).size).toBe(3);
    expect([labels.get('a'), labels.get('b')]).toEqual(['Root › Area › Labor', 'Root › Area › Labor (2)']);
  });

  it('gives every input of a generated 1,000-line model a label of its own (Chinese)', () => {
    const model = { ...generateModel({ leafLines: 1_000, scenarios: 10 }), language: 'zh' as const };
    // Its 7th scenario has levers on about half the lines: 513 inputs.
    const context = inputContext(model, model.scenarios[6]!);
    const inputs = scenarioInputs(context);
    const plain = inputs.map((input) => inputLabel(context, input, 'zh'));
    // The defect: hundreds of inputs, many sharing a label such as "Team 1：业务量".
    expect(inputs.length).toBeGreaterThan(500);
    expect(plain.length - new Set(plain).size).toBeGreaterThan(150);
    const labels = uniqueInputLabels(context, inputs, 'zh');
    expect(labels.size).toBe(inputs.length);
    expect(new Set(labels.values()).size).toBe(inputs.length);
    // Each label still ends with the input's own label, after the path that tells it apart.
    inputs.forEach((input, k) => expect(labels.get(input.address)!.endsWith(plain[k]!)).toBe(true));
    // A repeated label is told apart by the path above its line: "Region 1 › Team 2 › Subcontracting 2：业务量".
    const repeated = inputs.filter((_, k) => plain.indexOf(plain[k]!) !== plain.lastIndexOf(plain[k]!));
    expect(repeated.length).toBeGreaterThan(150);
    for (const input of repeated) expect(labels.get(input.address)).toMatch(/^.+ › .+：\S+$/);
    expect(repeated.some((input) => /^Region \d+ › Team \d+ › [^›]+：/.test(labels.get(input.address)!))).toBe(true);
  });

  it('leaves the labels of the example alone (none repeats)', () => {
    const example = createExampleModel('zh');
    const context = inputContext(example, example.scenarios[0]!);
    const inputs = scenarioInputs(context);
    const labels = uniqueInputLabels(context, inputs, 'zh');
    expect(inputs.map((input) => labels.get(input.address))).toEqual(inputs.map((input) => inputLabel(context, input, 'zh')));
  });
});
