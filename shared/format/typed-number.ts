/**
 * A number as a person types it, in a grid cell, an analysis field or on the command line:
 * "1,234.5", " -3 ", "15%", "2e6", and the Chinese keyboard's full-width forms ("１２，３４５。６",
 * "－５％"). Grouping commas and spaces are dropped; a trailing percent sign is reported, not
 * applied (a percent column reads "15" and "15%" alike). Undefined when the text is not one number.
 */
export function readTypedNumber(text: string): { value: number; percent: boolean } | undefined {
  let body = text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，\s]/g, '');
  const percent = /[%％]$/.test(body);
  if (percent) body = body.slice(0, -1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return undefined;
  const value = Number(body);
  return Number.isFinite(value) ? { value, percent } : undefined;
}
