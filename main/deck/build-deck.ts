import PptxGenJS from 'pptxgenjs';
import { DECK_SLIDE_KEYS, type DeckSlideKey } from '../../shared/api/contract';
import { computeValidModel, prepareTree } from '../../shared/engine';
import type { Model } from '../../shared/model/schema';
import type { DisplayUnit, Language } from '../../shared/model/units';
import { validateModel } from '../../shared/model/validate';
import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { problemOfIssue } from '../api/failure';
import { createContext, type DeckContext } from './context';
import { addFooters } from './layout';
import { finishPackage } from './package';
import { bridgeSlide, cashflowSlide } from './slides/bridge-cashflow';
import { budgetSlide, compareSlide } from './slides/budget-compare';
import { leversSlide } from './slides/levers';
import { riskSlide } from './slides/risk';
import { structureSlide } from './slides/structure';
import { summarySlide, titleSlide } from './slides/title-summary';
import { assumptionsSlide } from './slides/assumptions';
import { deckStyle, type DeckStyleOverrides } from './style';

/** The slides of the deck, in order (named in the API contract); a deck holds all of them unless a subset is chosen. */
export const DECK_SLIDES = DECK_SLIDE_KEYS;
export type DeckSlide = DeckSlideKey;

export interface DeckOptions {
  /** Default: the model's language. */
  language?: Language;
  /** Default: the model's display unit. */
  unit?: DisplayUnit;
  /** Scenario ids or names, in order; the first is the headline scenario. Default: every scenario. */
  scenarios?: readonly string[];
  /** The scenario the others are compared with (id or name). Default: the model's first scenario. */
  baseline?: string | null;
  slides?: readonly DeckSlide[];
  style?: DeckStyleOverrides;
  /** The date on the title slide. */
  date?: Date;
}

/** A model or option a deck cannot be built from: the problem for the UI's and the CLI's own words, the English message for logs. */
export class DeckError extends Error {
  override readonly name = 'DeckError';
  constructor(readonly problem: Problem) {
    super(renderProblem(problem, { language: 'en', unit: 'yuan' }));
  }
}

export interface BuiltDeck {
  data: Buffer;
  slides: number;
}

const BUILDERS: Record<DeckSlide, (context: DeckContext) => void> = {
  title: titleSlide,
  summary: summarySlide,
  structure: structureSlide,
  levers: leversSlide,
  bridge: bridgeSlide,
  cashflow: cashflowSlide,
  budget: budgetSlide,
  compare: compareSlide,
  risk: riskSlide,
  assumptions: assumptionsSlide,
};

/**
 * The client ROI deck: an editable PowerPoint (16:9) with native charts whose data sheets hold
 * the engine's figures, in the chosen language and display unit, with the arithmetic in the
 * speaker notes. Throws DeckError (one line, says what is wrong) on a model or option it
 * cannot use.
 */
export async function buildDeck(input: Model, options: DeckOptions = {}): Promise<BuiltDeck> {
  const validated = validateModel(input);
  if (!validated.ok) throw new DeckError(problemOfIssue(validated.error[0]!));
  const model = validated.value;
  if (model.scenarios.length === 0) throw new DeckError(problem('deck-no-scenario', {}));
  const find = (reference: string) =>
    model.scenarios.find((scenario) => scenario.id === reference) ?? model.scenarios.find((scenario) => scenario.name === reference);
  const known = () => model.scenarios.map((scenario) => JSON.stringify(scenario.name)).join(', ');
  const chosen = (options.scenarios && options.scenarios.length > 0 ? options.scenarios : model.scenarios.map((scenario) => scenario.id)).map((reference) => {
    const scenario = find(reference);
    if (!scenario) throw new DeckError(problem('no-such-scenario', { name: reference, known: model.scenarios.map((scenario) => scenario.name) }));
    return scenario;
  });
  const unique = chosen.filter((scenario, index) => chosen.indexOf(scenario) === index);
  const baseline = options.baseline ? find(options.baseline) : model.scenarios[0]!;
  if (!baseline) throw new DeckError(problem('deck-baseline-missing', { name: options.baseline ?? '', known: known() }));
  const slides = options.slides && options.slides.length > 0 ? DECK_SLIDES.filter((slide) => options.slides!.includes(slide)) : DECK_SLIDES;

  const tree = prepareTree(model.costTree);
  const computed = computeValidModel(model, tree);
  const results = new Map(computed.scenarios.map((result) => [result.scenarioId, result]));
  const language = options.language ?? model.language;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const style = deckStyle(model, options.style);
  pptx.title = model.name;
  pptx.subject = style.client ?? model.name;
  pptx.company = style.client ?? '';
  pptx.author = 'Service Cost Planner';
  const font = language === 'zh' ? 'Microsoft YaHei' : 'Calibri';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  const headline = unique[0]!;
  const context = createContext({
    pptx,
    model,
    tree,
    revenue: computed.revenue,
    chosen: unique,
    results,
    headline,
    headlineResult: results.get(headline.id)!,
    baseline,
    baselineResult: results.get(baseline.id)!,
    language,
    unit: options.unit ?? model.displayUnit,
    style,
    date: options.date ?? new Date(),
  });
  for (const slide of slides) BUILDERS[slide](context);
  addFooters(context);
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { data: await finishPackage(written), slides: context.pages.length };
}
