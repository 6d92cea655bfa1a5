// Label placement without overlaps: a polygon's label goes at its pole of inaccessibility
// (polylabel), else at the first of eight positions around its anchor that collides with nothing
// already placed (an R-tree of boxes, rbush); a label that fits nowhere is left out and counted.
import RBush from 'rbush';
import polylabel from 'polylabel';
import { textWidth } from './measure.ts';

export interface Box { minX: number; minY: number; maxX: number; maxY: number }

export interface LabelRequest {
  text: string;
  size: number;
  /** screen ring of a polygon, or null for a point */
  ring: [number, number][] | null;
  /** a point's position (or a fallback anchor) */
  at: [number, number];
  /** clearance from the anchor for the positions around it (half the symbol's or polygon's width and height) */
  radius: number;
  radiusY?: number;
}

export interface PlacedLabel { text: string; size: number; box: Box; index: number }

// Anchors by screen ring: a plan's three maps usually share one frame, so each polygon's pole is
// searched once, not once per map.
const anchors = new Map<string, { at: [number, number]; depth: number }>();

export function polygonAnchor(ring: [number, number][]): { at: [number, number]; depth: number } {
  const key = ring.join(' ');
  let a = anchors.get(key);
  if (!a) {
    const p = polylabel([ring], 0.5) as unknown as [number, number] & { distance: number };
    a = { at: [p[0], p[1]], depth: p.distance };
    if (anchors.size >= 20_000) anchors.clear();
    anchors.set(key, a);
  }
  return { at: [a.at[0], a.at[1]], depth: a.depth };
}

export function pointInRing(x: number, y: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function placeLabels(requests: LabelRequest[], obstacles: Box[], frame: Box): { placed: PlacedLabel[]; omitted: number } {
  const tree = new RBush<Box>();
  tree.load(obstacles);
  const placed: PlacedLabel[] = [];
  let omitted = 0;
  const inside = (b: Box) => b.minX >= frame.minX && b.minY >= frame.minY && b.maxX <= frame.maxX && b.maxY <= frame.maxY;
  requests.forEach((r, index) => {
    if (!r.text) return;
    const w = textWidth(r.text, r.size) + 2;
    const h = r.size * 1.25;
    const [x, y] = r.at;
    const g = r.radius + 1.5;
    const gy = (r.radiusY ?? r.radius) + 1.5;
    const candidates: [number, number][] = [];
    // inside the polygon when the label fits around its pole of inaccessibility (not worth asking
    // when the polygon's box is smaller than the label)
    if (r.ring && 2 * r.radius >= Math.min(w, 60) && 2 * (r.radiusY ?? r.radius) >= h + 2) {
      const a = polygonAnchor(r.ring);
      if (a.depth >= h / 2 + 1 && a.depth >= Math.min(w / 2, 30)) {
        candidates.push([a.at[0] - w / 2, a.at[1] - h / 2]);
        // then up and down from there while the label's centre stays inside the polygon
        for (let k = 1; k <= 6; k++) {
          for (const dy of [k * h, -k * h]) if (pointInRing(a.at[0], a.at[1] + dy, r.ring)) candidates.push([a.at[0] - w / 2, a.at[1] + dy - h / 2]);
        }
      }
    }
    const around: [number, number][] = [
      [x + g, y - h / 2], [x - g - w, y - h / 2], [x - w / 2, y - gy - h], [x - w / 2, y + gy],
      [x + g, y - gy - h], [x + g, y + gy], [x - g - w, y - gy - h], [x - g - w, y + gy],
    ];
    // one probe box reused for the tests; a box is made only for the label placed
    const probe = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    for (const [bx, by] of candidates.length ? [...candidates, ...around] : around) {
      probe.minX = bx; probe.minY = by; probe.maxX = bx + w; probe.maxY = by + h;
      if (!inside(probe) || tree.collides(probe)) continue;
      const box = { ...probe };
      tree.insert(box);
      placed.push({ text: r.text, size: r.size, box, index });
      return;
    }
    omitted += 1;
  });
  return { placed, omitted };
}
