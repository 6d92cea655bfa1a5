// Sample coordinates for the sample rows of the bundled plan (the seed gives none for its mines or
// exploration rights): a corner-point block of the licence's sample area for each sample coal mine
// and sample exploration area, and a location point for each sample non-metal mine, laid out on a
// grid inside the banner's extent. Block names say "示例坐标" so no one takes them for surveyed data.
// The seed's own 48 named green mines get nothing: they stay "无坐标" on the maps.
import type { DB } from '../store/project.ts';
import { insertRow } from '../store/row-repo.ts';
import { fromLonLat } from '../facts/projection.ts';
import type { Plan } from '../domain/model.ts';
import { isCoal } from '../domain/minerals.ts';

interface Row { id: number; name_zh: string; mineral?: string; area: number | null }

export function addSampleGeometry(db: DB, plan: Plan): void {
  const mines = db.prepare(`SELECT m.id, m.name_zh, m.mineral, (SELECT area_km2 FROM licences l WHERE l.mine_id = m.id) AS area
    FROM mines m WHERE m.is_sample = 1 ORDER BY m.sort, m.id`).all() as Row[];
  const rights = db.prepare('SELECT id, name_zh, area_km2 AS area FROM exploration_rights WHERE is_sample = 1 ORDER BY sort, id').all() as Row[];
  const west = plan.bbox_west ?? 109.0, east = plan.bbox_east ?? 110.4, south = plan.bbox_south ?? 38.95, north = plan.bbox_north ?? 39.8;
  const items = [...mines.map((m) => ({ ...m, kind: 'mine' as const })), ...rights.map((r) => ({ ...r, kind: 'exploration' as const }))];
  const cols = 8;
  const rowsN = Math.ceil(items.length / cols);
  const zone = 37;
  items.forEach((it, i) => {
    // a jittered grid cell, inset from the extent
    const c = i % cols, r = Math.floor(i / cols);
    const lon = west + 0.08 + ((east - west - 0.16) * (c + 0.5 + 0.25 * Math.sin(i * 1.7))) / cols;
    const lat = south + 0.06 + ((north - south - 0.12) * (r + 0.5 + 0.25 * Math.cos(i * 2.3))) / rowsN;
    if (it.kind === 'mine' && !isCoal(it.mineral ?? '')) {
      db.prepare('UPDATE mines SET location = ? WHERE id = ?').run(`${lon.toFixed(6)}, ${lat.toFixed(6)}`, it.id);
      return;
    }
    const area = it.area ?? 1;
    const p = fromLonLat('xian80', zone, lon, lat);
    // a rectangle of the sample area, 1.6 : 1, rounded to the centimetre as offices type them
    const w = Math.sqrt(area * 1e6 * 1.6), h = (area * 1e6) / w;
    const pts = [[p.northing + h / 2, p.easting - w / 2], [p.northing + h / 2, p.easting + w / 2], [p.northing - h / 2, p.easting + w / 2], [p.northing - h / 2, p.easting - w / 2]]
      .map(([x, y], k) => `${k + 1}, ${x.toFixed(2)}, ${(y + zone * 1_000_000).toFixed(2)}`).join('; ');
    insertRow(db, 'blocks', {
      name_zh: `${it.name_zh}范围（示例坐标）`,
      ...(it.kind === 'mine' ? { mine_id: it.id } : { exploration_id: it.id }),
      crs: 'xian80', points: pts,
    });
  });
}
