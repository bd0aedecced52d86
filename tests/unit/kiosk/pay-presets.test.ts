import { describe, expect, it } from 'vitest';
import { DEFAULT_PAY_PRESETS, payPresets, roundPay, type PayPoint } from '../../../shared/kiosk/pay-presets';

const day = (payMin: number, payMax: number | null = null): PayPoint => ({ payMin, payMax, payUnit: 'day' });

describe('pay choices from the hall postings', () => {
  it('spans what construction pays (370–590元/天), not a list that stops at 300', () => {
    const presets = payPresets([day(370, 550), day(390, 500), day(370, 470), day(280), day(360), day(390, 610)]);
    expect(presets).toHaveLength(1);
    expect(presets[0]!.unit).toBe('day');
    expect(presets[0]!.postings).toBe(6);
    expect(presets[0]!.amounts).toEqual([...presets[0]!.amounts].sort((a, b) => a - b));
    expect(Math.max(...presets[0]!.amounts)).toBeGreaterThan(400);
    for (const a of presets[0]!.amounts) expect(a % 50).toBe(0);
  });

  it('offers each pay unit the postings use, most-used first, and leaves out a unit only one posting uses', () => {
    const presets = payPresets([
      day(200),
      day(220),
      day(250),
      { payMin: 22, payMax: 25, payUnit: 'hour' },
      { payMin: 20, payMax: null, payUnit: 'hour' },
      { payMin: 3, payMax: null, payUnit: 'piece' },
    ]);
    expect(presets.map((p) => p.unit)).toEqual(['day', 'hour']);
  });

  it('keeps a lone unit when it is all there is, and gives nothing for no postings', () => {
    expect(payPresets([{ payMin: 5000, payMax: 6000, payUnit: 'month' }])).toEqual([
      { unit: 'month', amounts: [5500], postings: 1 },
    ]);
    expect(payPresets([])).toEqual([]);
    expect(DEFAULT_PAY_PRESETS.length).toBeGreaterThan(0);
  });

  it('rounds to amounts people say: 50 元 steps from 200, 10 below, 100 for a month, 5 an hour', () => {
    expect(roundPay(372)).toBe(350);
    expect(roundPay(455)).toBe(450);
    expect(roundPay(187)).toBe(190);
    expect(roundPay(5480)).toBe(5500);
    expect(roundPay(23)).toBe(25);
    expect(roundPay(7)).toBe(7);
  });
});
