// Shares within a subset of the mines, as real plans state them: "生产矿山中大型 3 家，占 30%"
// (the share is of the subset, not of all mines). Largest-remainder rounding per subset.
import type { Mine } from '../domain/model.ts';
import { sharesOfWhole } from './shares.ts';

export interface SubsetScale {
  label: string;
  total: number;
  large: { count: number; percent: string | null };
  medium: { count: number; percent: string | null };
  small: { count: number; percent: string | null };
}

const SUBSETS: { key: string; label: string; test: (m: Mine) => boolean }[] = [
  { key: 'producing', label: '生产', test: (m) => m.status === 'producing' },
  { key: 'suspended', label: '停产', test: (m) => m.status === 'suspended' },
  { key: 'construction', label: '在建', test: (m) => m.status === 'construction' },
  { key: 'green', label: '绿色', test: (m) => !!m.green_level },
];

export function subsetFacts(mines: readonly Mine[]): Record<string, SubsetScale> {
  const out: Record<string, SubsetScale> = {};
  for (const s of SUBSETS) {
    const list = mines.filter(s.test);
    const counts = (['large', 'medium', 'small'] as const).map((k) => list.filter((m) => m.scale_class === k).length);
    const shares = sharesOfWhole(counts, list.length);
    out[s.key] = {
      label: s.label,
      total: list.length,
      large: { count: counts[0], percent: shares[0].percent },
      medium: { count: counts[1], percent: shares[1].percent },
      small: { count: counts[2], percent: shares[2].percent },
    };
  }
  return out;
}
