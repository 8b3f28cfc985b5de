import { describe, expect, it } from 'vitest';
import { downloadFailureReason, electronDownloadHelp } from '../../scripts/electron-download-help.mjs';

/** What `npm start` prints when the Electron download fails: one paragraph, the way on, no stack trace. */
describe('npm start without the Electron binary', () => {
  const offline = [
    'Downloading Electron binary...',
    'RequestError: getaddrinfo ENOTFOUND github.com',
    '    at ClientRequest.<anonymous> (/app/node_modules/got/source/request-as-event-emitter.js:178:14)',
    '    at Object.onceWrapper (node:events:632:26)',
    '{',
    "  code: 'ENOTFOUND',",
    '}',
  ].join('\n');

  it("keeps the downloader's reason in one line, without stack frames", () => {
    expect(downloadFailureReason(offline)).toBe('getaddrinfo ENOTFOUND github.com');
    expect(downloadFailureReason('HTTPError: Response code 403 (Forbidden) for https://github.com/electron/electron/releases/x.zip\n    at f (x.js:1:1)')).toBe(
      'Response code 403 (Forbidden) for https://github.com/electron/electron/releases/x.zip',
    );
    expect(downloadFailureReason('')).toBe('no reason given');
  });

  it('says how to use a mirror (ELECTRON_MIRROR) and that npm run serve runs the same app now', () => {
    const text = electronDownloadHelp('45.5.0', 'getaddrinfo ENOTFOUND github.com', 'linux');
    expect(text).toContain('The Electron 45.5.0 binary');
    expect(text).toContain('getaddrinfo ENOTFOUND github.com');
    expect(text).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start');
    expect(text).toContain('npm run serve');
    expect(text).not.toMatch(/^\s+at /m);
    expect(electronDownloadHelp('45.5.0', 'x', 'win32')).toContain('set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ && npm start');
  });
});
