// Sketch maps of a plan (附图), drawn from its corner coordinates: the door the API, the CLI and
// the document builder use.
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import { buildMapModel, flaggedBlocks } from './features.ts';
import { mapKey, readCachedMap, writeCachedMap } from './map-cache.ts';
import { renderMapSvg } from './render-svg.ts';
import { MAP_TYPES, type MapType, type RenderedMap } from './types.ts';

export { MAP_TYPES, type MapType, type RenderedMap } from './types.ts';

export function mapTitle(data: PlanData, type: MapType, lang: Lang): string {
  const p = data.plan;
  return tFor(lang)(`maps:title.${type}`, { name: lang === 'zh' ? p.jurisdiction_zh : p.jurisdiction_en || p.jurisdiction_zh });
}

export interface MapOptions {
  /** draw the title on the map (default); a document's figure carries it in its caption */
  showTitle?: boolean;
}

export function renderMap(data: PlanData, type: MapType, lang: Lang, flagged?: Set<number>, opts: MapOptions = {}): RenderedMap {
  const model = buildMapModel(data, type, lang, flagged);
  return renderMapSvg(model, { t: tFor(lang), lang, title: mapTitle(data, type, lang), showTitle: opts.showTitle });
}

/**
 * Several maps, with the checks run once (and not at all when every map is read back from the
 * disk cache, map-cache.ts: a map drawn earlier from exactly the same inputs).
 */
export function renderMaps(data: PlanData, lang: Lang, types: readonly MapType[] = MAP_TYPES, opts: MapOptions = {}): RenderedMap[] {
  if (!types.length) return [];
  let flagged: Set<number> | null = null;
  return types.map((type) => {
    const key = mapKey(data, type, lang, opts.showTitle !== false);
    const cached = readCachedMap(key, type);
    if (cached) return cached;
    const map = renderMap(data, type, lang, (flagged ??= flaggedBlocks(data)), opts);
    writeCachedMap(key, map);
    return map;
  });
}

export function isMapType(s: string): s is MapType {
  return (MAP_TYPES as readonly string[]).includes(s);
}
