import { describe, expect, it } from 'vitest';
import { deckStyle, DEFAULT_ACCENT, logoType, normaliseAccent } from '../../../main/deck/style';
import { createExampleModel } from '../../../shared/model';
import { solidPng } from './support/png';

/** The client name and look: from the model when it has them (format v3), the options overriding them. */
describe('deckStyle', () => {
  const png = solidPng(4, 2, [0, 0, 255]);

  it('uses the defaults for a model without a client or presentation', () => {
    expect(deckStyle(createExampleModel('en'))).toEqual({ client: null, accent: DEFAULT_ACCENT, logo: null });
  });

  it('reads client, accent colour and logo from the model, and lets the options override them', () => {
    const model = {
      ...createExampleModel('en'),
      client: ' ACME ',
      presentation: { accentColor: '#2e8b57', logo: { mediaType: 'image/png' as const, data: png.toString('base64') } },
    };
    const style = deckStyle(model);
    expect(style.client).toBe('ACME');
    expect(style.accent).toBe('2E8B57');
    expect(style.logo?.type).toBe('png');
    expect(style.logo?.data.equals(png)).toBe(true);
    expect(deckStyle(model, { client: 'Other', accent: 'C0392B' })).toMatchObject({ client: 'Other', accent: 'C0392B' });
  });

  it('tells colours and images apart', () => {
    expect(normaliseAccent('#16b')).toBe('1166BB');
    expect(normaliseAccent('blue')).toBeNull();
    expect(logoType(png)).toBe('png');
    expect(logoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(logoType(Buffer.from('GIF89a'))).toBeNull();
  });
});
