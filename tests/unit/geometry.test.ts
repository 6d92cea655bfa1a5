import { describe, expect, it } from 'vitest';
import { parseCornerPoints } from '../../main/domain/coordinates.ts';
import { ringAreaKm2, splitZone, zonesOf } from '../../main/facts/geometry.ts';
import { ZONE_POINTS } from '../../main/sample/banner-data.ts';
import { GmpError } from '../../main/domain/errors.ts';

describe('corner-point geometry', () => {
  it('the seed demonstration zone is 1202.625 km² against the declared 1202.62', () => {
    const pts = parseCornerPoints(ZONE_POINTS);
    expect(pts).toHaveLength(23);
    expect(Math.round(ringAreaKm2(pts) * 10000) / 10000).toBe(1202.625);
    expect(zonesOf(pts)).toEqual([37]);
  });

  it('splits the zone prefix from the easting', () => {
    expect(splitZone(37399162.38)).toEqual({ zone: 37, easting: expect.closeTo(399162.38, 6) });
  });

  it('a unit square of 1 km is 1 km², whatever the order of the ring', () => {
    const sq = [{ label: '1', x: 0, y: 37000000 }, { label: '2', x: 1000, y: 37000000 }, { label: '3', x: 1000, y: 37001000 }, { label: '4', x: 0, y: 37001000 }];
    expect(ringAreaKm2(sq)).toBeCloseTo(1, 10);
    expect(ringAreaKm2([...sq].reverse())).toBeCloseTo(1, 10);
  });

  it('reads lists typed as offices type them', () => {
    const pts = parseCornerPoints('1，4367770.34，37399162.38；2, 4359356.35, 37405718.65\n3 4354730.29 37398635.95。');
    expect(pts.map((p) => p.label)).toEqual(['1', '2', '3']);
    expect(pts[2].y).toBe(37398635.95);
    expect(parseCornerPoints('4367770.34, 37399162.38; 4359356.35, 37405718.65; 4354730.29, 37398635.95').map((p) => p.label)).toEqual(['1', '2', '3']);
  });

  it('a missing comma is a located error, not a silent misread', () => {
    try {
      parseCornerPoints('1, 4367770.34, 37399162.38; 2, 4359356.3537405718.65; 3, 4354730.29, 37398635.95');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(GmpError);
      expect((e as GmpError).code).toBe('coords.missing_separator');
      expect((e as GmpError).params.index).toBe(2);
    }
    expect(() => parseCornerPoints('1, 2, 3; 4, 5, 6')).toThrow(GmpError);
    expect(() => parseCornerPoints('')).toThrow(GmpError);
  });
});
