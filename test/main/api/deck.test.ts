import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiService } from '../../../main/api/handlers';
import { deckService } from '../../../main/deck/service';
import { SECRET_HEADER, startHost } from '../../../main/host/server';
import type { ApiInput, ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import { readDeck } from '../deck/support/pptx';

/** The deck calls of the contract, straight into the handlers and over the browser host's HTTP. */
type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResponse<M>>;
interface Transport {
  call: Call;
  /** A save-dialog answer, as the desktop's native dialog would register it. */
  target: (path: string) => string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function direct(dir: string): Promise<Transport> {
  const api = new ApiService({ dataDir: dir, appVersion: '0.0.0-test', decks: deckService });
  closers.push(() => api.shutdown());
  return { call: (method, input) => api.call(method, input), target: (path) => api.files.register(path, 'export:deck') };
}

async function http(dir: string): Promise<Transport> {
  const api = new ApiService({ dataDir: dir, appVersion: '0.0.0-test', decks: deckService });
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  const host = await startHost({ api, staticDir });
  closers.push(async () => {
    await host.close();
    await api.shutdown();
  });
  const call: Call = async (method, input) => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResponse<typeof method>;
  };
  return { call, target: (path) => api.files.register(path, 'export:deck') };
}

function value<M extends ApiMethod>(response: ApiResponse<M>) {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value;
}

describe.each([
  ['handlers', direct],
  ['http', http],
])('the deck through %s', (_name, transport) => {
  it('downloads the deck of the open model with the chosen scenarios, slides, language, unit and client', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-deck-api-'));
    const { call } = await transport(dir);
    value(await call('newModel', { name: 'plan', template: 'example', language: 'zh' }));
    const downloaded = value(
      await call('downloadDeck', {
        scenarioIds: ['digital-tools-20'],
        slides: ['title', 'summary', 'compare'],
        language: 'en',
        unit: 'thousand',
        client: 'ACME',
        accent: '#2e8b57',
      }),
    );
    expect(downloaded.fileName).toBe('plan.pptx');
    expect(downloaded.slides).toBe(3);
    const deck = readDeck(Buffer.from(downloaded.base64, 'base64'));
    expect(deck.slides.map((slide) => slide.paragraphs[0])).toEqual(['plan', 'Executive summary', 'Scenarios compared']);
    expect(deck.slides[0]!.paragraphs).toContain('ACME');
    expect(deck.slides[1]!.paragraphs).toContain('1,733.5 thousand yuan');
    expect(deck.slides[1]!.xml).toContain('2E8B57');
  });

  it('compares with the baseline marked for the file, and writes the deck where the desktop asks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-deck-api-'));
    const { call, target } = await transport(dir);
    value(await call('newModel', { name: 'plan', template: 'example', language: 'en' }));
    value(await call('updateSettings', { baselineScenarioId: 'digital-tools-20' }));
    const path = join(dir, 'client.pptx');
    const written = value(await call('exportDeck', { target: target(path), slides: ['summary'] }));
    expect(written).toMatchObject({ name: 'client.pptx', slides: 1 });
    expect(written.bytes).toBe(readFileSync(path).length);
    expect(readDeck(readFileSync(path)).slides[0]!.text).toContain('Against the baseline "Digital tools 20%":');
  });

  it('refuses bad options before anything is built or written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-deck-api-'));
    const { call, target } = await transport(dir);
    const none = await call('downloadDeck', {});
    expect(none.ok || none.error.code).toBe('no-model');
    value(await call('newModel', { name: 'plan', template: 'example', language: 'en' }));
    for (const input of [
      { accent: 'blue' },
      { slides: ['cover'] },
      { slides: [] },
      { unit: 'wan' },
      { logo: { type: 'gif', base64: 'AAAA' } },
      { extra: true },
    ]) {
      const response = await call('downloadDeck', input as never);
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('invalid-input');
    }
    const unknown = await call('downloadDeck', { scenarioIds: ['nope'] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('no scenario named "nope"');
    const notAnImage = await call('downloadDeck', { logo: { type: 'png', base64: Buffer.from('not a png').toString('base64') } });
    expect(notAnImage.ok).toBe(false);
    const path = join(dir, 'never.pptx');
    expect((await call('exportDeck', { target: target(path), slides: ['bogus' as never] })).ok).toBe(false);
    expect((await call('exportDeck', { target: 'client.pptx' })).ok).toBe(false);
    expect(existsSync(path)).toBe(false);
  });
});
