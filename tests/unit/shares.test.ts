import { describe, expect, it } from 'vitest';
import { sharesOfAmounts, sharesOfWhole } from '../../main/facts/shares.ts';
import { engineFor, renderTemplate } from '../../main/compose/engine.ts';

describe('shares of one whole', () => {
  it('reproduces the seed banner plan figures', () => {
    expect(sharesOfWhole([72, 10]).map((s) => s.percent)).toEqual(['87.80', '12.20']);
    expect(sharesOfWhole([31, 28, 23]).map((s) => s.percent)).toEqual(['37.80', '34.15', '28.05']);
    expect(sharesOfWhole([62, 20]).map((s) => s.percent)).toEqual(['75.61', '24.39']);
  });

  it('always adds up to exactly 100.00 for any partition', () => {
    for (let total = 1; total <= 400; total++) {
      for (const parts of [3, 7]) {
        const counts = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
        const sum = sharesOfWhole(counts).reduce((a, s) => a + s.hundredths, 0);
        expect(sum).toBe(10000);
      }
    }
  });

  it('rounds thirds so that they still add up', () => {
    expect(sharesOfWhole([1, 1, 1]).map((s) => s.percent)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('shares of areas add up to 100.00', () => {
    const s = sharesOfAmounts([1859.4123, 5.9477, 0.0001]);
    expect(s.reduce((a, x) => a + Math.round(Number(x) * 100), 0)).toBe(10000);
  });

  it('a share of an empty whole is not computable (null), never 0.00 or NaN', () => {
    expect(sharesOfWhole([0, 0]).map((s) => s.percent)).toEqual([null, null]);
    expect(sharesOfAmounts([0, 0])).toEqual([null, null]);
    // a part of zero in a non-empty whole is a true 0.00
    expect(sharesOfWhole([0, 4]).map((s) => s.percent)).toEqual(['0.00', '100.00']);
  });

  it('a chapter shows a share it cannot compute as a placeholder, not as 0.00%', () => {
    for (const [lang, text] of [['zh', '【待填：占比（总数为零，无法计算）】'], ['en', '[to fill: share (the whole is zero; cannot be computed)]']] as const) {
      const engine = engineFor(lang, { appendixLabel: () => '' });
      expect(renderTemplate(engine, '{{ x | pct }}', { x: sharesOfWhole([0])[0].percent }, 't.md')).toBe(text);
      expect(renderTemplate(engine, '{{ x | pct }}', { x: sharesOfWhole([1, 3])[0].percent }, 't.md')).toBe('25.00%');
    }
  });
});
