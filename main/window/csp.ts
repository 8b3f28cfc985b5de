/**
 * The one Content-Security-Policy of the UI, wherever it is served: no eval, no inline script,
 * nothing from the network. The meta tag of renderer/index.html states `PAGE_POLICY` (checked
 * equal by a test); the desktop session's and the browser host's response headers send the
 * full policy, which adds frame-ancestors (browsers ignore that directive in a meta tag).
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

export const CONTENT_SECURITY_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;
