/**
 * The only web addresses the app hands to the system browser: documentation, over https, on
 * these hosts. Anything else a page tries to open or navigate to is simply refused.
 * Change this list when the documentation moves; nothing else decides.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = ['github.com'];

export function isAllowedExternalUrl(value: unknown, hosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && hosts.includes(url.hostname);
}

/** Opens `value` with `open` (Electron's `shell.openExternal`) when it is allowed; says whether it did. */
export function openIfAllowed(value: unknown, open: (url: string) => Promise<void>, report: (error: unknown) => void = () => undefined): boolean {
  if (!isAllowedExternalUrl(value)) return false;
  open(value).catch(report);
  return true;
}
