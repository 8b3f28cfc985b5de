import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../../shared/format/typed-number';
import { parseNumberText } from '../../../shared/workbook/structure-layout';

/** An imported cell's text is read by the same number reader as a grid cell: one parser, one set of rules. */
describe('numbers typed as text in an imported cell', () => {
  it('reads what a grid cell reads, a percent divided by 100', () => {
    for (const text of ['0.44', '44%', '1,234.5', ' -3 ', '2e6', '+7', '.5', '１２，３４５。６', '４４％', '－５', '−5', 'abc', '', '1.2.3', '%', '5%%']) {
      const typed = readTypedNumber(text);
      expect(parseNumberText(text), text).toEqual(typed && { value: typed.percent ? typed.value / 100 : typed.value, percent: typed.percent });
    }
  });

  it('takes the Chinese keyboard full-width forms', () => {
    expect(parseNumberText('１２，３４５。６')).toEqual({ value: 12345.6, percent: false });
    expect(parseNumberText('４４％')).toEqual({ value: 0.44, percent: true });
    expect(parseNumberText('－５')).toEqual({ value: -5, percent: false });
    expect(parseNumberText('abc')).toBeUndefined();
  });
});
