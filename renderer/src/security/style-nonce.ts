/**
 * The style nonce the page was served with (`<meta property="csp-nonce" nonce="…">`, written by
 * the browser host or the desktop window per load; see main/window/csp.ts), or undefined when
 * the page was loaded as built. Read through the `nonce` property: browsers hide the attribute.
 */
export function styleNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return nonce === '' ? undefined : nonce;
}
