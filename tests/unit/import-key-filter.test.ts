// The import's key filter: a key added is always "maybe" (no row is ever taken for new when it is
// not); keys never added are mostly proved absent, at the rate the filter is sized for.
import { describe, expect, it } from 'vitest';
import { KeyFilter } from '../../main/import/key-filter.ts';

describe('key filter', () => {
  it('never forgets a key, and proves at least 99% of the absent ones absent at its capacity', () => {
    const n = 200_000;
    const f = new KeyFilter(n);
    const name = (i: number) => `合成建材有限公司${i}`;
    for (let i = 0; i < n; i++) f.add(name(i));
    for (let i = 0; i < n; i++) expect(f.mayHave(name(i))).toBe(true);
    let maybe = 0;
    for (let i = n; i < 2 * n; i++) if (f.mayHave(name(i))) maybe++;
    expect(maybe / n).toBeLessThan(0.01);
    expect(f.mayHave('')).toBe(false);
    expect(f.mayHave(`C15${'0'.repeat(20)}`)).toBe(false);
  });
});
