import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DISPLAY_UNITS, type DisplayUnit } from '../../../shared/model/units';
import { buildDeck, DECK_SLIDES, DeckError, type DeckSlide } from '../../deck/build-deck';
import { logoType, normaliseAccent, type DeckStyleOverrides } from '../../deck/style';
import { writeFileAtomically } from '../../io/write-file';
import { fileFailure } from '../../io/model-json';
import { problem } from '../../../shared/messages/problems';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import type { CommandContext } from '../types';
import { cannotWrite, refuseExisting, requireOut } from '../write-model';
import { language, requireScenario, single } from './compute';

export const deckUsage =
  'deck FILE --out OUT.pptx [--scenario NAME ...] [--baseline NAME] [--lang zh|en] [--unit yuan|thousand|tenThousand|million|hundredMillion] [--slides LIST] [--client NAME] [--accent RRGGBB] [--logo IMAGE.png|.jpg] [--force]';

/** A logo larger than this is not a logo. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** The client ROI deck as an editable PowerPoint with native charts. */
export async function runDeck(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({
    out: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    lang: { type: 'string' },
    unit: { type: 'string' },
    slides: { type: 'string' },
    client: { type: 'string' },
    accent: { type: 'string' },
    logo: { type: 'string' },
    force: { type: 'boolean' },
  });
  const file = single(positionals, deckUsage);
  const out = requireOut(values['out'], deckUsage);
  if (extname(out).toLowerCase() !== '.pptx') throw new UsageError(problem('file-kind', { path: out, expected: 'deck-out', usage: deckUsage }));
  refuseExisting(out, values['force']);
  const unit = displayUnit(values['unit']);
  const slides = slideList(values['slides']);
  const style: DeckStyleOverrides = {};
  if (typeof values['client'] === 'string') style.client = values['client'];
  if (typeof values['accent'] === 'string') {
    const accent = normaliseAccent(values['accent']);
    if (!accent) throw new UsageError(problem('accent-invalid', { value: values['accent'] }));
    style.accent = accent;
  }
  if (typeof values['logo'] === 'string') style.logo = readLogo(values['logo']);
  const model = loadModel(file);
  const lang = language(values['lang'], model.language);
  // The deck's own refusals of scenarios, checked here to be worded in the language of --lang.
  if (model.scenarios.length === 0) throw new UsageError(problem('in-file', { file, problem: problem('deck-needs-scenario', {}) }));
  for (const reference of (values['scenario'] as string[] | undefined) ?? []) requireScenario(file, model, reference);
  if (typeof values['baseline'] === 'string') requireScenario(file, model, values['baseline'], true);
  let deck;
  try {
    deck = await buildDeck(model, {
      language: lang,
      ...(unit ? { unit } : {}),
      scenarios: (values['scenario'] as string[] | undefined) ?? [],
      ...(typeof values['baseline'] === 'string' ? { baseline: values['baseline'] } : {}),
      ...(slides ? { slides } : {}),
      style,
    });
  } catch (error) {
    if (error instanceof DeckError) throw new UsageError(problem('in-file', { file, problem: problem('rule-detail', { detail: error.message }) }));
    throw error;
  }
  try {
    writeFileAtomically(out, deck.data);
  } catch (error) {
    throw cannotWrite(out, error);
  }
  context.out(`wrote ${out} (${deck.slides} slides)\n`);
}

function displayUnit(option: unknown): DisplayUnit | undefined {
  if (option === undefined) return undefined;
  if (typeof option === 'string' && (DISPLAY_UNITS as readonly string[]).includes(option)) return option as DisplayUnit;
  throw new UsageError(
    problem('option-choice', { option: '--unit', value: typeof option === 'string' ? option : JSON.stringify(option), choices: [...DISPLAY_UNITS] }),
  );
}

function slideList(option: unknown): DeckSlide[] | undefined {
  if (option === undefined) return undefined;
  if (typeof option !== 'string') return undefined;
  const names = option
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(DECK_SLIDES as readonly string[]).includes(name)) throw new UsageError(problem('slide-unknown', { name, slides: [...DECK_SLIDES] }));
  if (names.length === 0) throw new UsageError(problem('slides-empty', { slides: [...DECK_SLIDES] }));
  return names as DeckSlide[];
}

function readLogo(path: string): { data: Buffer; type: 'png' | 'jpeg' } {
  let data: Buffer;
  try {
    if (statSync(path).size > MAX_LOGO_BYTES) throw new UsageError(problem('logo-too-large', { path, max: MAX_LOGO_BYTES }));
    data = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(problem('logo-unreadable', { path, ...fileFailure(error) }));
  }
  const type = logoType(data);
  if (!type) throw new UsageError(problem('file-kind', { path, expected: 'logo' }));
  return { data, type };
}
