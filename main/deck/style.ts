import type { Model } from '../../shared/model/schema';

/**
 * The client name and the look of the deck (accent colour, optional logo). The model will
 * keep them (optional fields added with the v3 file format); until a model has them, the CLI
 * options and the export dialog supply them. This accessor is the one place that reads them
 * from a model, so switching to the model's own fields is a change here alone.
 */
export interface DeckStyle {
  client: string | null;
  /** Six hex digits, no '#'. */
  accent: string;
  /** A PNG or JPEG image. */
  logo: { data: Buffer; type: 'png' | 'jpeg' } | null;
}

export const DEFAULT_ACCENT = '1F6FB2';

export interface DeckStyleOverrides {
  client?: string;
  accent?: string;
  logo?: { data: Buffer; type: 'png' | 'jpeg' };
}

/** What a model may carry (file format v3: `client`, `presentation.accentColor` '#RRGGBB', `presentation.logo` {mediaType, data}). */
interface OptionalStyleFields {
  client?: unknown;
  presentation?: { accentColor?: unknown; logo?: { data?: unknown; mediaType?: unknown } | null } | null;
}

export function deckStyle(model: Model, overrides: DeckStyleOverrides = {}): DeckStyle {
  const fields = model as Model & OptionalStyleFields;
  const modelClient = typeof fields.client === 'string' && fields.client.trim() ? fields.client.trim() : null;
  const modelAccent = typeof fields.presentation?.accentColor === 'string' ? normaliseAccent(fields.presentation.accentColor) : null;
  const modelLogo = fields.presentation?.logo;
  const logoKind: 'png' | 'jpeg' | null = modelLogo?.mediaType === 'image/png' ? 'png' : modelLogo?.mediaType === 'image/jpeg' ? 'jpeg' : null;
  const logoFromModel: DeckStyle['logo'] =
    modelLogo && typeof modelLogo.data === 'string' && logoKind ? { data: Buffer.from(modelLogo.data, 'base64'), type: logoKind } : null;
  return {
    client: overrides.client?.trim() || modelClient,
    accent: (overrides.accent !== undefined ? normaliseAccent(overrides.accent) : null) ?? modelAccent ?? DEFAULT_ACCENT,
    logo: overrides.logo ?? logoFromModel,
  };
}

/** `#1f6fb2`, `1F6FB2` or `#16b` as six upper-case hex digits; null when it is not a colour. */
export function normaliseAccent(text: string): string | null {
  const hex = text.trim().replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return hex.toUpperCase();
  if (/^[0-9a-fA-F]{3}$/.test(hex))
    return Array.from(hex)
      .map((c) => c + c)
      .join('')
      .toUpperCase();
  return null;
}

/** The image type of a logo file by its first bytes; null when it is neither PNG nor JPEG. */
export function logoType(data: Buffer): 'png' | 'jpeg' | null {
  if (data.length > 8 && data.readUInt32BE(0) === 0x89504e47) return 'png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  return null;
}

/** A lighter tint of a colour (mix with white), for fills behind text. */
export function tint(hex: string, amount: number): string {
  const channel = (i: number) => {
    const value = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return (channel(0) + channel(2) + channel(4)).toUpperCase();
}
