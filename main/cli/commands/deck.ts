import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DISPLAY_UNITS, type DisplayUnit } from '../../../shared/model/units';
import { buildDeck, DECK_SLIDES, DeckError, type DeckSlide } from '../../deck/build-deck';
import { logoType, normaliseAccent, type DeckStyleOverrides } from '../../deck/style';
import { writeFileAtomically } from '../../io/write-file';
import { describeFsError } from '../../io/model-json';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import type { CommandContext } from '../types';
import { requireOut } from '../write-model';
import { language, single } from './compute';

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
  if (extname(out).toLowerCase() !== '.pptx') throw new UsageError(`${out}: the deck must end in .pptx (usage: costplan ${deckUsage})`);
  if (existsSync(out) && values['force'] !== true) throw new UsageError(`${out} already exists; pass --force to replace it`);
  const unit = displayUnit(values['unit']);
  const slides = slideList(values['slides']);
  const style: DeckStyleOverrides = {};
  if (typeof values['client'] === 'string') style.client = values['client'];
  if (typeof values['accent'] === 'string') {
    const accent = normaliseAccent(values['accent']);
    if (!accent) throw new UsageError(`--accent must be a colour such as 1F6FB2 or #1f6fb2, got ${JSON.stringify(values['accent'])}`);
    style.accent = accent;
  }
  if (typeof values['logo'] === 'string') style.logo = readLogo(values['logo']);
  const model = loadModel(file);
  const lang = language(values['lang'], model.language);
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
    if (error instanceof DeckError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  try {
    writeFileAtomically(out, deck.data);
  } catch (error) {
    throw new UsageError(`${out}: cannot write (${describeFsError(error)})`);
  }
  context.out(`wrote ${out} (${deck.slides} slides)\n`);
}

function displayUnit(option: unknown): DisplayUnit | undefined {
  if (option === undefined) return undefined;
  if (typeof option === 'string' && (DISPLAY_UNITS as readonly string[]).includes(option)) return option as DisplayUnit;
  throw new UsageError(`--unit must be one of ${DISPLAY_UNITS.join(', ')}, got ${JSON.stringify(option)}`);
}

function slideList(option: unknown): DeckSlide[] | undefined {
  if (option === undefined) return undefined;
  if (typeof option !== 'string') return undefined;
  const names = option
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(DECK_SLIDES as readonly string[]).includes(name))
      throw new UsageError(`--slides: no slide ${JSON.stringify(name)} (slides: ${DECK_SLIDES.join(', ')})`);
  if (names.length === 0) throw new UsageError(`--slides needs at least one of ${DECK_SLIDES.join(', ')}`);
  return names as DeckSlide[];
}

function readLogo(path: string): { data: Buffer; type: 'png' | 'jpeg' } {
  let data: Buffer;
  try {
    if (statSync(path).size > MAX_LOGO_BYTES) throw new UsageError(`${path}: a logo may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
    data = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read the logo (${describeFsError(error)})`);
  }
  const type = logoType(data);
  if (!type) throw new UsageError(`${path}: the logo must be a PNG or JPEG image`);
  return { data, type };
}
