// What `npm start` says when the Electron binary cannot be downloaded (offline laptop, blocked
// host, a network in China): one paragraph, no stack trace. Kept apart from prepare-electron.mjs
// so a test can read it (test/scripts/electron-download-help.test.ts).

/** The download's own reason, one line: the last line of its output that names an error, without stack frames. */
export function downloadFailureReason(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !/^[{}[\]]/.test(line) && !line.startsWith('Downloading'));
  const errors = lines.filter((line) => /\bError:/.test(line));
  const named = lines.filter(
    (line) =>
      /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ECONNREFUSED|EPROTO|certificate|\b40\d\b|\b50\d\b|timed? ?out|proxy|error/i.test(line) &&
      !/^\w+: ['"\d]/.test(line),
  );
  const reason = (errors.at(-1) ?? named.at(-1) ?? lines.at(-1) ?? 'no reason given').replace(/^\w*Error:\s*/, '');
  return reason.length > 200 ? `${reason.slice(0, 197)}...` : reason;
}

/** The paragraph: what failed, why, a mirror to try (ELECTRON_MIRROR) and `npm run serve` now. */
export function electronDownloadHelp(version, reason, platform = process.platform) {
  const mirror = 'https://npmmirror.com/mirrors/electron/';
  const withMirror = platform === 'win32' ? `set ELECTRON_MIRROR=${mirror} && npm start` : `ELECTRON_MIRROR=${mirror} npm start`;
  return [
    `The Electron ${version} binary (about 100 MB, downloaded once from github.com) could not be downloaded: ${reason}.`,
    'This happens offline, behind a proxy or firewall that blocks github.com, or on a network in China. Two ways on:',
    `  1. Download it from a mirror, then start again:   ${withMirror}`,
    `     (ELECTRON_MIRROR is read by Electron's downloader; any mirror of github.com/electron/electron/releases works.)`,
    '  2. Use the same app in your browser now, nothing to download:   npm run serve',
  ].join('\n');
}
