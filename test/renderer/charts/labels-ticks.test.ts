import { describe, expect, it } from 'vitest';
import { abbreviate, balanced, fitLabel, wrapText } from '../../../renderer/src/components/charts/labels';
import { axisTickDigits, stepDigits } from '../../../renderer/src/components/charts/ticks';
import { formatNumber } from '../../../shared/format/number';

/** A measurer like a canvas at 10 px: CJK characters 10 px wide, others 5 px. */
const measure = (text: string) => Array.from(text).reduce((width, char) => width + (/[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 10 : 5), 0);

describe('axis labels fitted into their room', () => {
  it('wraps Chinese between characters and Latin at spaces', () => {
    expect(wrapText('呼叫中心人工成本', 40, measure)).toEqual(['呼叫中心', '人工成本']);
    expect(wrapText('Contact centre labour', 60, measure)).toEqual(['Contact', 'centre', 'labour']);
    expect(wrapText('Contact centre', 100, measure)).toEqual(['Contact centre']);
  });

  it('breaks a word wider than the room between characters', () => {
    expect(wrapText('Aftersalesservice', 40, measure)).toEqual(['Aftersal', 'esservic', 'e']);
  });

  it('shortens with … only what does not fit', () => {
    expect(abbreviate('人均单价', 40, measure)).toBe('人均单价');
    const short = abbreviate('人均单价 -15.0%', 40, measure);
    expect(short.endsWith('…')).toBe(true);
    expect(measure(short)).toBeLessThanOrEqual(40);
  });

  it('keeps each entry to its lines, every line within the room, the last shortened', () => {
    const fitted = fitLabel(['华东区域 › 呼叫中心人工成本与外包服务', '人均单价 -15.0%'], 60, measure, 2);
    expect(fitted.every((line) => measure(line) <= 60)).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(4);
    expect(fitted[0]).toBe('华东区域 ›');
    expect(fitted[1]!.endsWith('…')).toBe(true);
    expect(fitted.slice(2)).toEqual(['人均单价', '-15.0%']);
    // A label that fits is left as it is.
    expect(fitLabel(['呼叫中心人工', '人均单价 -15.0%'], 200, measure)).toEqual(['呼叫中心人工', '人均单价 -15.0%']);
  });
});

describe('value axis ticks by the display rule', () => {
  it('counts the decimals of a tick step', () => {
    expect(stepDigits(1000)).toBe(0);
    expect(stepDigits(0.25)).toBe(2);
    expect(stepDigits(0.1 + 0.2)).toBe(1);
    expect(stepDigits(0.005)).toBe(3);
  });

  it('at 亿元 small amounts keep three significant digits, never a column of 0', () => {
    const ticks = [0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.012, 0.014];
    const digits = axisTickDigits(ticks);
    const texts = ticks.map((value) => formatNumber(value, 'zh', digits));
    expect(texts).toEqual(['0.0000', '0.0020', '0.0040', '0.0060', '0.0080', '0.0100', '0.0120', '0.0140']);
    expect(new Set(texts).size).toBe(ticks.length);
  });

  it('the example bridge at 亿元 starts at 0.670, as its note says', () => {
    const ticks = [0.67, 0.68, 0.69, 0.7, 0.71, 0.72];
    expect(formatNumber(ticks[0]!, 'zh', axisTickDigits(ticks))).toBe('0.670');
  });

  it('large units and yuan need no decimals', () => {
    expect(axisTickDigits([6700, 6800, 6900, 7000, 7100, 7200])).toBe(0);
    expect(axisTickDigits([0, 20_000_000, 40_000_000, 60_000_000, 80_000_000])).toBe(0);
    expect(axisTickDigits([0, 2.5, 5, 7.5])).toBe(2);
    expect(axisTickDigits([])).toBe(0);
  });
});

describe('balanced wrapping', () => {
  it('splits a label into even lines, not a long line and a stray character', () => {
    expect(balanced('呼叫中心人工', 50, measure)).toEqual(['呼叫中', '心人工']);
    expect(balanced('其他服务成本', 50, measure)).toEqual(['其他服', '务成本']);
    expect(balanced('呼叫中心', 50, measure)).toEqual(['呼叫中心']);
  });
});
