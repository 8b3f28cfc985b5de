import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../../shared/format/typed-number';

describe('readTypedNumber', () => {
  it.each([
    ['0.15', 0.15, false],
    [' -3 ', -3, false],
    ['1,234.5', 1234.5, false],
    ['1 234', 1234, false],
    ['15%', 15, true],
    ['-16.42 %', -16.42, true],
    ['2e6', 2e6, false],
    ['.5', 0.5, false],
    ['+7', 7, false],
    ['１２，３４５。６', 12345.6, false],
    ['－５％', -5, true],
    ['１０，０００', 10000, false],
  ])('reads %j as %d (percent: %s)', (text, value, percent) => {
    expect(readTypedNumber(text)).toEqual({ value, percent });
  });

  it.each(['', ' ', '%', 'abc', '1.2.3', '12abc', '--1', 'Infinity', 'NaN', '1e999', '0x10', '1/2'])('refuses %j', (text) => {
    expect(readTypedNumber(text)).toBeUndefined();
  });
});
