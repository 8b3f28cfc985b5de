import type { TFunction } from 'i18next';
import type { ChartDataset } from 'chart.js';
import type { PreparedRevenue, PreparedTree, ScenarioResult } from '../../../../shared/engine';
import { formatShown as formatNumber } from './numbers';
import { figureTexts, leverName, revenueLeverName } from '../../../../shared/i18n/figures';
import { REVENUE_LEVER_KINDS, type Scenario } from '../../../../shared/model/schema';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../../../shared/model/units';
import { axisStyle, baseOptions, COLORS, type BarValue, type ChartLook, type PanelConfig, type ValueLabelFields } from '../../components/charts/setup';
import { fittedCategoryTicks, valueTicks } from '../../components/charts/axes';
import { SERIES_COLOURS } from '../../components/charts/palette';
import '../../components/charts/plugins';
import { loose } from '../../i18n';

type Dataset = ChartDataset<'bar' | 'line', BarValue[]> & ValueLabelFields;

/** Colours of the margin gain and one-off cash series (the shared palette). */
export const GAIN_COLOUR = SERIES_COLOURS.marginGain;
export const ONE_OFF_COLOUR = SERIES_COLOURS.oneOff;

/** How many levers the bridge shows one by one; the rest are one "other levers" bar. */
export const BRIDGE_MAX_LEVERS = 12;
const NAME_MAX = 18;

export interface ChartText {
  t: TFunction;
  language: Language;
  unit: DisplayUnit;
  /** The unit as an axis shows it, e.g. 万元. */
  unitText: string;
}

/** Decimals of amounts written on charts: none in yuan (71,160,000), one in larger units (7,116.0). */
export function chartDigits(unit: DisplayUnit): number {
  return unit === 'yuan' ? 0 : 1;
}

export interface BridgeStep {
  kind: 'total' | 'saving' | 'increase';
  /** Axis label of a vertical bridge, one entry per line. */
  label: string[];
  /** Axis label of a horizontal bridge, one line. */
  line: string;
  /** Tooltip title. */
  title: string;
  /** In yuan: the bar runs from `from` to `to`. */
  from: number;
  to: number;
  /** In yuan, signed as the cost moves (a saving is negative). */
  change: number;
}

function shorten(name: string, max = NAME_MAX): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

const nameCounts = new WeakMap<PreparedTree, Map<string, number>>();

/** A node's name, with its parent's in front when another node has the same name ("Region 3 › Team 2"). */
function distinctName(tree: PreparedTree, index: number): string {
  let counts = nameCounts.get(tree);
  if (!counts) {
    counts = new Map();
    for (const node of tree.nodes) counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
    nameCounts.set(tree, counts);
  }
  const name = tree.nodes[index]!.name;
  const parent = tree.parent[index]!;
  return (counts.get(name) ?? 0) > 1 && parent >= 0 ? `${tree.nodes[parent]!.name} › ${name}` : name;
}

/** Full path of a node below the root, for tooltips. */
function pathName(tree: PreparedTree, index: number): string {
  const names: string[] = [];
  for (let i = index; i >= 0 && tree.parent[i]! >= 0; i = tree.parent[i]!) names.unshift(tree.nodes[i]!.name);
  return names.length > 0 ? names.join(' › ') : tree.nodes[index]!.name;
}

function signedPercent(ratio: number, language: Language): string {
  const text = formatNumber(ratio * 100, language, 1);
  return `${ratio > 0 ? '+' : ''}${text}%`;
}

/**
 * The savings bridge of a scenario, in yuan: today's service cost, minus each lever's
 * contribution (Shapley value, so the steps add up whatever the order of the levers), down to
 * the cost with every lever at full target. The largest BRIDGE_MAX_LEVERS levers show one by
 * one, largest first; the rest are one bar.
 */
export function bridgeSteps(
  tree: PreparedTree,
  result: ScenarioResult,
  text: ChartText,
  maxLevers = BRIDGE_MAX_LEVERS,
  /** The revenue lines and the scenario: with a margin gain the bridge is one of the year-1 benefit. */
  revenue?: { prepared: PreparedRevenue; scenario: Scenario },
): BridgeStep[] {
  if (result.baseMarginGain !== 0 && revenue) return benefitSteps(tree, result, text, maxLevers, revenue);
  const { t, language } = text;
  const base = tree.totalAmount;
  const levers = result.contributions.filter((c) => c.saving !== 0).sort((a, b) => Math.abs(b.saving) - Math.abs(a.saving));
  const shown = levers.length > maxLevers ? levers.slice(0, maxLevers - 1) : levers;
  const rest = levers.slice(shown.length);
  const total = (key: string, amount: number): BridgeStep => {
    const text = loose(t)(key);
    return { kind: 'total', label: text.split('\n'), line: text.replace('\n', ' '), title: text.replace('\n', ' '), from: 0, to: amount, change: amount };
  };
  const steps: BridgeStep[] = [total('results.bridgeBase', base)];
  let running = base;
  const step = (label: string[], line: string, title: string, saving: number) => {
    const next = running - saving;
    steps.push({ kind: saving >= 0 ? 'saving' : 'increase', label, line, title, from: Math.min(running, next), to: Math.max(running, next), change: -saving });
    running = next;
  };
  for (const lever of shown) {
    const index = tree.indexById.get(lever.nodeId);
    const name = index === undefined ? lever.nodeId : distinctName(tree, index);
    const kind = `${leverName(index === undefined ? undefined : tree.nodes[index], lever.kind, language)} ${signedPercent(lever.change, language)}`;
    step([shorten(name), kind], `${shorten(name, 36)} · ${kind}`, `${index === undefined ? name : pathName(tree, index)} · ${kind}`, lever.saving);
  }
  if (rest.length > 0) {
    const label = t('results.otherLevers', { count: rest.length });
    step(
      [label],
      label,
      label,
      rest.reduce((sum, lever) => sum + lever.saving, 0),
    );
  }
  // The contributions add up to the saving; close on the engine's figure, not the running sum.
  steps.push(total('results.bridgeEnd', base - result.baseSaving));
  return steps;
}

/**
 * The year-1 benefit at full target, built up from zero: each cost lever's saving (Shapley
 * value, largest first), then the margin gain of each top-level revenue line, to the benefit
 * (saving + margin gain). Used when the scenario has a margin gain: a cost bridge has no
 * place for revenue.
 */
function benefitSteps(
  tree: PreparedTree,
  result: ScenarioResult,
  text: ChartText,
  maxLevers: number,
  revenue: { prepared: PreparedRevenue; scenario: Scenario },
): BridgeStep[] {
  const { t, language } = text;
  const steps: BridgeStep[] = [];
  let running = 0;
  const step = (label: string[], line: string, title: string, gain: number) => {
    const next = running + gain;
    steps.push({ kind: gain >= 0 ? 'saving' : 'increase', label, line, title, from: Math.min(running, next), to: Math.max(running, next), change: gain });
    running = next;
  };
  const levers = result.contributions.filter((c) => c.saving !== 0).sort((a, b) => Math.abs(b.saving) - Math.abs(a.saving));
  const shown = levers.length > maxLevers ? levers.slice(0, maxLevers - 1) : levers;
  for (const lever of shown) {
    const index = tree.indexById.get(lever.nodeId);
    const name = index === undefined ? lever.nodeId : distinctName(tree, index);
    const kind = `${leverName(index === undefined ? undefined : tree.nodes[index], lever.kind, language)} ${signedPercent(lever.change, language)}`;
    step([shorten(name), kind], `${shorten(name, 36)} · ${kind}`, `${index === undefined ? name : pathName(tree, index)} · ${kind}`, lever.saving);
  }
  const rest = levers.slice(shown.length);
  if (rest.length > 0) {
    const label = t('results.otherLevers', { count: rest.length });
    step(
      [label],
      label,
      label,
      rest.reduce((sum, lever) => sum + lever.saving, 0),
    );
  }
  const { prepared, scenario } = revenue;
  const revenueLevers = new Map((scenario.revenueLevers ?? []).map((lever) => [lever.lineId, lever]));
  const gainLabel = figureTexts(language).marginGain.label;
  for (let i = 0; i < prepared.ids.length; i++) {
    if (prepared.parent[i]! >= 0) continue;
    const gain = result.subtreeMarginGain[i] ?? 0;
    if (gain === 0) continue;
    const line = prepared.lines[i]!;
    const lever = revenueLevers.get(line.id);
    const kinds = REVENUE_LEVER_KINDS.filter((kind) => lever?.[kind] !== undefined);
    // On the axis the line's own name for each driver; in the tooltip the kind as well.
    const short = kinds.map(
      (kind) => `${line.captions?.[kind]?.[language]?.trim() || revenueLeverName(undefined, kind, language)} ${signedPercent(lever![kind]!, language)}`,
    );
    const long = kinds.map((kind) => `${revenueLeverName(line, kind, language)} ${signedPercent(lever![kind]!, language)}`).join(', ') || gainLabel;
    step(
      [shorten(line.name), ...(short.length > 0 ? short : [gainLabel])],
      `${shorten(line.name, 36)} · ${short.join(', ') || gainLabel}`,
      `${gainLabel}: ${line.name} · ${long}`,
      gain,
    );
  }
  const end = t('results.bridgeBenefitEnd');
  steps.push({
    kind: 'total',
    label: end.split('\n'),
    line: end.replace('\n', ' '),
    title: end.replace('\n', ' '),
    from: 0,
    to: result.baseSaving + result.baseMarginGain,
    change: result.baseSaving + result.baseMarginGain,
  });
  return steps;
}

/** Where a value axis starts so that the bridge's steps are visible: 0 unless they are small next to the totals. */
export function bridgeAxisMin(steps: readonly BridgeStep[]): number {
  const moving = steps.filter((s) => s.kind !== 'total');
  const totals = steps.filter((s) => s.kind === 'total').map((s) => s.to);
  const lo = Math.min(...moving.map((s) => s.from), ...totals);
  const hi = Math.max(...moving.map((s) => s.to), ...totals);
  const span = hi - lo;
  if (moving.length === 0 || span <= 0 || !Number.isFinite(span)) return 0;
  const candidate = lo - span * 1.5;
  if (candidate <= hi * 0.3) return 0;
  const step = 10 ** Math.floor(Math.log10(span));
  return Math.floor(candidate / step) * step;
}

/** A bridge with more steps than this is drawn horizontally, so that every lever's name can be read. */
export const BRIDGE_VERTICAL_MAX_STEPS = 6;

export function bridgeIsHorizontal(steps: readonly BridgeStep[]): boolean {
  return steps.length > BRIDGE_VERTICAL_MAX_STEPS;
}

/** Room on the right for value labels written beside horizontal bars (canvas px). */
function labelRoom(labels: readonly (string | null | undefined)[], look: ChartLook): number {
  const longest = Math.max(0, ...labels.map((label) => (label ? label.length : 0)));
  return Math.ceil(longest * look.valueLabel * 0.62) + look.padding + 6;
}

export function buildBridge(steps: readonly BridgeStep[], text: ChartText, look: ChartLook): PanelConfig {
  const { language, unit, unitText, t } = text;
  const factor = UNIT_FACTOR[unit];
  const min = bridgeAxisMin(steps) / factor;
  const amount = (yuan: number) => formatNumber(yuan / factor, language, chartDigits(unit));
  const colors = steps.map((s) => (s.kind === 'total' ? COLORS.cost : s.kind === 'saving' ? COLORS.saving : COLORS.increase));
  const horizontal = bridgeIsHorizontal(steps);
  const valueTexts = steps.map((s) => (s.kind === 'total' ? amount(s.to) : `${s.change > 0 ? '+' : '−'}${amount(Math.abs(s.change))}`));
  const dataset: Dataset = {
    type: 'bar',
    label: t('results.bridgeSeries'),
    data: steps.map((s) => [s.from / factor, s.to / factor] as [number, number]),
    backgroundColor: colors,
    borderColor: colors,
    borderWidth: 0,
    maxBarThickness: look.barMaxThickness,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
    valueLabels: valueTexts,
    valueLabelSize: look.valueLabel,
  };
  const options = baseOptions(look, language);
  const valueAxis = {
    ...axisStyle(look),
    min,
    grace: '10%',
    ticks: { ...axisStyle(look).ticks, callback: valueTicks(language) },
    // The axis starts at `min` (its first tick, as the note says); a round tick crowding it is left out.
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      const [first, second, third] = scale.ticks;
      if (min > 0 && first && second && third && second.value - first.value < 0.6 * (third.value - second.value)) scale.ticks.splice(1, 1);
    },
    title: { display: true, text: unitText, font: { size: look.axisTitle } },
  };
  // Lever names wrap within their column (two lines each at most, then "…"; the tooltip has the full name).
  const categoryAxis = {
    ...axisStyle(look),
    grid: { display: false },
    ticks: { ...axisStyle(look).ticks, autoSkip: false, callback: horizontal ? fittedCategoryTicks(1, 0.45) : fittedCategoryTicks(2) },
  };
  return {
    type: 'bar',
    data: { labels: steps.map((s) => (horizontal ? s.line : s.label)), datasets: [dataset] },
    options: {
      ...options,
      indexAxis: horizontal ? 'y' : 'x',
      layout: horizontal ? { padding: { top: look.padding, bottom: look.padding, left: look.padding, right: labelRoom(valueTexts, look) } } : options.layout,
      plugins: {
        ...options.plugins,
        legend: { display: false },
        // The value axis starts above zero: a drawn break says so.
        axisBreak: { enabled: min > 0 },
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            title: (items) => steps[items[0]?.dataIndex ?? 0]?.title ?? '',
            label: (item) => {
              const s = steps[item.dataIndex]!;
              return s.kind === 'total' ? `${amount(s.to)} ${unitText}` : `${s.change > 0 ? '+' : '−'}${amount(Math.abs(s.change))} ${unitText}`;
            },
          },
        },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}

/** Year by year: saving and investment as bars, the cumulative net as a line. */
export function buildYears(result: ScenarioResult, text: ChartText, look: ChartLook, { cumulativeLine = true } = {}): PanelConfig {
  const { language, unit, unitText, t } = text;
  const factor = UNIT_FACTOR[unit];
  const amount = (yuan: number) => formatNumber(yuan / factor, language, chartDigits(unit));
  const labels = result.years.map((y) => String(y.calendarYear));
  const manyYears = result.years.length > 8;
  const bar = (label: string, values: number[], color: string): Dataset => ({
    type: 'bar',
    label,
    data: values.map((v) => v / factor),
    backgroundColor: color,
    borderWidth: 0,
    maxBarThickness: look.barMaxThickness,
    order: 1,
    valueLabels: manyYears ? undefined : values.map(amount),
    valueLabelSize: look.valueLabel,
  });
  const line: Dataset = {
    type: 'line',
    label: t('results.cumulativeNetSeries'),
    data: result.years.map((y) => y.cumulativeNet / factor),
    borderColor: COLORS.net,
    backgroundColor: COLORS.net,
    borderWidth: look.lineWidth,
    pointRadius: look.pointRadius,
    pointHoverRadius: look.pointRadius + 2,
    order: 0,
  };
  const options = baseOptions(look, language);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bar(
          t('results.savingSeries'),
          result.years.map((y) => y.saving),
          COLORS.saving,
        ),
        // Margin gain and one-off cash are their own series when the scenario has them.
        ...(result.totals.marginGain !== 0
          ? [
              bar(
                figureTexts(language).marginGain.label,
                result.years.map((y) => y.marginGain),
                GAIN_COLOUR,
              ),
            ]
          : []),
        ...(result.years.some((y) => y.oneOff !== 0)
          ? [
              bar(
                figureTexts(language).oneOff.label,
                result.years.map((y) => y.oneOff),
                ONE_OFF_COLOUR,
              ),
            ]
          : []),
        bar(
          t('results.investmentSeries'),
          result.years.map((y) => y.investment),
          COLORS.investment,
        ),
        ...(cumulativeLine ? [line] : []),
      ],
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: { ...options.plugins?.legend, labels: { ...options.plugins?.legend?.labels, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        tooltip: {
          ...options.plugins?.tooltip,
          mode: 'index',
          intersect: false,
          callbacks: { label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language, chartDigits(unit))} ${unitText}` },
        },
      },
      scales: {
        x: { ...axisStyle(look), grid: { display: false } },
        y: {
          ...axisStyle(look),
          beginAtZero: true,
          grace: '8%',
          ticks: { ...axisStyle(look).ticks, callback: valueTicks(language) },
          title: { display: true, text: unitText, font: { size: look.axisTitle } },
        },
      },
    },
  };
}

export interface CompositionRow {
  name: string;
  /** In yuan. */
  amount: number;
  saving: number;
  share: number;
}

/** The parts of the service cost one level below the root (the largest 9 and the rest as one row when there are more than 10). */
export function compositionRows(tree: PreparedTree, result: ScenarioResult, otherLabel: (count: number) => string, unsplitLabel: string): CompositionRow[] {
  const root = tree.rootIndex;
  if (root < 0) return [];
  const total = tree.totalAmount;
  const rows: CompositionRow[] = [];
  for (let i = 0; i < tree.ids.length; i++) {
    if (tree.parent[i] === root)
      rows.push({
        name: tree.nodes[i]!.name,
        amount: tree.resolvedAmount[i]!,
        saving: result.subtreeSaving[i]!,
        share: total > 0 ? tree.resolvedAmount[i]! / total : 0,
      });
  }
  // What the root holds itself (not split into parts) is a row too, so the bars add up to the total.
  const own = tree.unallocatedAmount[root]!;
  if (own > 0 && rows.length > 0) rows.push({ name: unsplitLabel, amount: own, saving: result.lineSaving[root]!, share: total > 0 ? own / total : 0 });
  if (rows.length === 0) rows.push({ name: tree.nodes[root]!.name, amount: total, saving: result.subtreeSaving[root]!, share: 1 });
  if (rows.length <= 10) return rows;
  const sorted = [...rows].sort((a, b) => b.amount - a.amount);
  const rest = sorted.slice(9);
  return [
    ...sorted.slice(0, 9),
    rest.reduce<CompositionRow>(
      (sum, row) => ({ name: sum.name, amount: sum.amount + row.amount, saving: sum.saving + row.saving, share: sum.share + row.share }),
      { name: otherLabel(rest.length), amount: 0, saving: 0, share: 0 },
    ),
  ];
}

/** The service cost by part, each bar split into the cost after the levers and the saving. */
export function buildComposition(rows: readonly CompositionRow[], text: ChartText, look: ChartLook): PanelConfig {
  const { language, unit, unitText, t } = text;
  const factor = UNIT_FACTOR[unit];
  const amount = (yuan: number) => formatNumber(yuan / factor, language, chartDigits(unit));
  const percent = (ratio: number) => `${formatNumber(ratio * 100, language, 1)}%`;
  const remaining = rows.map((r) => r.amount - Math.max(r.saving, 0));
  const savingTexts = rows.map((r) => (r.saving > 0 ? `${amount(r.saving)} (${percent(r.amount > 0 ? r.saving / r.amount : 0)})` : null));
  const increaseTexts = rows.map((r) => (r.saving < 0 ? `+${amount(-r.saving)}` : null));
  const datasets: Dataset[] = [
    {
      type: 'bar',
      label: t('results.costAfterSeries'),
      data: remaining.map((v) => v / factor),
      backgroundColor: COLORS.cost,
      borderWidth: 0,
      maxBarThickness: look.barMaxThickness * 0.6,
      stack: 'cost',
    },
    {
      type: 'bar',
      label: t('results.savingSeries'),
      data: rows.map((r) => Math.max(r.saving, 0) / factor),
      backgroundColor: COLORS.saving,
      borderWidth: 0,
      maxBarThickness: look.barMaxThickness * 0.6,
      stack: 'cost',
      valueLabels: savingTexts,
      valueLabelSize: look.valueLabel,
    },
  ];
  if (rows.some((r) => r.saving < 0)) {
    datasets.push({
      type: 'bar',
      label: t('results.increaseSeries'),
      data: rows.map((r) => Math.max(-r.saving, 0) / factor),
      backgroundColor: COLORS.increase,
      borderWidth: 0,
      maxBarThickness: look.barMaxThickness * 0.6,
      stack: 'cost',
      valueLabels: increaseTexts,
      valueLabelSize: look.valueLabel,
    });
  }
  const options = baseOptions(look, language);
  return {
    type: 'bar',
    data: { labels: rows.map((r) => [shorten(r.name, 26), percent(r.share)]), datasets },
    options: {
      ...options,
      indexAxis: 'y',
      layout: { padding: { top: look.padding, bottom: look.padding, left: look.padding, right: labelRoom([...savingTexts, ...increaseTexts], look) } },
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            title: (items) => {
              const row = rows[items[0]?.dataIndex ?? 0];
              return row ? `${row.name} · ${amount(row.amount)} ${unitText} (${percent(row.share)})` : '';
            },
            label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language, chartDigits(unit))} ${unitText}`,
          },
        },
      },
      scales: {
        x: {
          ...axisStyle(look),
          stacked: true,
          beginAtZero: true,
          ticks: { ...axisStyle(look).ticks, callback: valueTicks(language) },
          title: { display: true, text: unitText, font: { size: look.axisTitle } },
        },
        y: { ...axisStyle(look), stacked: true, grid: { display: false }, ticks: { ...axisStyle(look).ticks, callback: fittedCategoryTicks(1, 0.35) } },
      },
    },
  };
}
