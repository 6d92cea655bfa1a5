// Shares of one whole, in hundredths of a percent, that add up to exactly 100.00
// (largest-remainder rounding on integers: no floating-point drift).

export interface Share {
  count: number;
  /** hundredths of a percent: 8780 = 87.80 % */
  hundredths: number;
  /** "87.80"; null when the whole is zero (a share of nothing is not 0 %: it cannot be computed) */
  percent: string | null;
}

export function formatHundredths(h: number): string {
  return (h / 100).toFixed(2);
}

export function sharesOfWhole(counts: readonly number[], total?: number): Share[] {
  const whole = total ?? counts.reduce((a, b) => a + b, 0);
  if (whole <= 0) return counts.map((count) => ({ count, hundredths: 0, percent: null }));
  const sum = counts.reduce((a, b) => a + b, 0);
  const floors = counts.map((c) => Math.floor((c * 10000) / whole));
  if (sum !== whole) {
    // Not a partition of the whole: each share rounds on its own (half up).
    return counts.map((c) => {
      const h = Math.round((c * 10000) / whole);
      return { count: c, hundredths: h, percent: formatHundredths(h) };
    });
  }
  const rema = counts.map((c, i) => ({ i, r: (c * 10000) % whole }));
  let missing = 10000 - floors.reduce((a, b) => a + b, 0);
  rema.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of rema) {
    if (missing <= 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return counts.map((count, i) => ({ count, hundredths: floors[i], percent: formatHundredths(floors[i]) }));
}

/** Shares of real-valued parts (areas): the parts are rounded to hundredths of a percent the same way; null when the total is zero. */
export function sharesOfAmounts(amounts: readonly number[]): (string | null)[] {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (total <= 0) return amounts.map(() => null);
  const scaled = amounts.map((a) => (a / total) * 10000);
  const floors = scaled.map((s) => Math.floor(s + 1e-9));
  let missing = 10000 - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => ({ i, r: s - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors.map(formatHundredths);
}
