/**
 * The one Content-Security-Policy of the UI, wherever it is served: the meta tag of
 * renderer/index.html (checked equal by a test), the desktop session's response headers and
 * the browser host's. No eval, no inline script, nothing from the network.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
