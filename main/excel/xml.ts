/**
 * Text for SpreadsheetML parts. Cell text keeps every character a model name may hold: the
 * characters XML 1.0 cannot carry (control characters, and CR, which XML parsers turn into
 * LF) are written as the _xHHHH_ escapes Excel, LibreOffice and ExcelJS decode, and a literal
 * "_xHHHH_" in the text is protected by escaping its underscore. Lone surrogates cannot be
 * written at all and become U+FFFD.
 */

const ESCAPE_NEEDED = /[&<>"\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_/u;

const PLAIN_SPECIALS = /[&<>"]/gu;
const RARE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_/u;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function xmlText(text: string): string {
  if (!ESCAPE_NEEDED.test(text)) return text;
  // The common case (quotes and ampersands, as in the model's JSON) in one pass without building the text char by char.
  if (!RARE.test(text)) return text.replace(PLAIN_SPECIALS, (char) => ENTITY[char]!);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i]!;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === '_' && /^_x[0-9a-fA-F]{4}_/u.test(text.slice(i, i + 7))) out += '_x005F_';
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff)
      out += `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + text[i + 1]!;
        i++;
      } else out += '\ufffd';
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\ufffd';
    else out += char;
  }
  return out;
}

/** The text a reader gets back from `xmlText(text)`: lone surrogates are lost, nothing else. */
export function roundTripText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '\ufffd');
}

/** Attribute values (sheet names, defined names): the same escapes plus quotes. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/'/gu, '&apos;');
}

/** Formula text inside <f>: only the XML specials; formulas never hold control characters. */
export function xmlFormula(formula: string): string {
  if (formula.indexOf('<') < 0 && formula.indexOf('>') < 0 && formula.indexOf('&') < 0) return formula;
  return formula.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
