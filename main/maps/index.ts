// Sketch maps of a plan (附图), drawn from its corner coordinates: the door the API, the CLI and
// the document builder use.
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { TFunction } from 'i18next';
import { tFor } from '../i18n/index.ts';
import { buildMapModel, flaggedBlocks } from './features.ts';
import { mapKey, readCachedMap, writeCachedMap } from './map-cache.ts';
import { renderMapSvg } from './render-svg.ts';
import { MAP_TYPES, type MapType, type RenderedMap } from './types.ts';

export { MAP_TYPES, type MapType, type RenderedMap } from './types.ts';

// The maps ask for the same few messages again and again (three maps, each with its legend and
// notes): each worded once per language, key and parameters.
const worded = new Map<Lang, TFunction>();
function mapT(lang: Lang): TFunction {
  let t = worded.get(lang);
  if (!t) {
    const base = tFor(lang);
    const seen = new Map<string, string>();
    t = ((key: string, opts?: Record<string, unknown>) => {
      const k = opts === undefined ? key : `${key}\u0000${JSON.stringify(opts)}`;
      let v = seen.get(k);
      if (v === undefined) {
        v = String(base(key, opts as never));
        if (seen.size > 10_000) seen.clear();
        seen.set(k, v);
      }
      return v;
    }) as unknown as TFunction;
    worded.set(lang, t);
  }
  return t;
}

export function mapTitle(data: PlanData, type: MapType, lang: Lang): string {
  const p = data.plan;
  return mapT(lang)(`maps:title.${type}`, { name: lang === 'zh' ? p.jurisdiction_zh : p.jurisdiction_en || p.jurisdiction_zh });
}

export interface MapOptions {
  /** draw the title on the map (default); a document's figure carries it in its caption */
  showTitle?: boolean;
}

export function renderMap(data: PlanData, type: MapType, lang: Lang, flagged?: Set<number>, opts: MapOptions = {}): RenderedMap {
  const model = buildMapModel(data, type, lang, flagged);
  return renderMapSvg(model, { t: mapT(lang), lang, title: mapTitle(data, type, lang), showTitle: opts.showTitle });
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
