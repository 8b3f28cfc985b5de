import type { DeckRequest } from '../../shared/api/contract';
import type { Model } from '../../shared/model/schema';
import { problem } from '../../shared/messages/problems';
import { ApiFailure, type DeckService } from '../api/handlers';
import { writeFileAtomically } from '../io/write-file';
import { buildDeck, DeckError, type DeckOptions } from './build-deck';
import { logoType, normaliseAccent } from './style';

/**
 * Decks for the API (the export dialog, the desktop menu). The baseline is the one the call
 * names, else the one marked for the file, else the model's first scenario; a marked baseline
 * that no longer exists falls back to the first.
 */
export const deckService: DeckService = {
  async deckBytes(model, request, baseline) {
    return build(model, request, baseline);
  },
  async writeDeck(model, path, request, baseline) {
    const deck = await build(model, request, baseline);
    writeFileAtomically(path, deck.data);
    return { bytes: deck.data.length, slides: deck.slides };
  },
};

async function build(model: Model, request: DeckRequest, baseline: string | null): Promise<{ data: Buffer; slides: number }> {
  const options: DeckOptions = {
    ...(request.language ? { language: request.language } : {}),
    ...(request.unit ? { unit: request.unit } : {}),
    ...(request.scenarioIds ? { scenarios: request.scenarioIds } : {}),
    ...(request.slides ? { slides: request.slides } : {}),
    baseline: baseline !== null && model.scenarios.some((scenario) => scenario.id === baseline) ? baseline : null,
    style: {
      ...(request.client !== undefined ? { client: request.client } : {}),
      ...(request.accent !== undefined ? { accent: normaliseAccent(request.accent) ?? undefined } : {}),
    },
  };
  if (request.logo) {
    const data = Buffer.from(request.logo.base64, 'base64');
    const type = logoType(data);
    if (type === null) throw new ApiFailure('invalid-input', problem('logo-not-image', {}), 'logo');
    options.style = { ...options.style, logo: { data, type } };
  }
  try {
    return await buildDeck(model, options);
  } catch (error) {
    if (error instanceof DeckError) throw new ApiFailure('invalid-input', error.problem);
    throw error;
  }
}
