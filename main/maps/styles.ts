// One style per category and map type: fills for mines by mineral, status or green-mine plan,
// outlines for the boundary, demonstration zones and exploration rights.
import type { TFunction } from 'i18next';
import { MINE_STATUSES, EXPLORATION_STAGES, GREEN_LEVELS } from '../domain/vocabulary.ts';
import { isCoal } from '../domain/minerals.ts';
import type { MapFeature, MapType } from './types.ts';

export interface Style {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  dash?: string;
}

// Coal in dark grey (as on the seed's maps); other minerals take these in order of their number of mines.
const COAL_COLOUR = '#404040';
const MINERAL_PALETTE = ['#e6b800', '#8e6cc3', '#c0653a', '#3f87c9', '#d88c3f', '#1fa2c4', '#7b5a44', '#9aa5b5', '#a0522d', '#6b8e23', '#d45087', '#9e9e9e'];
const STATUS_COLOURS: Record<string, string> = { producing: '#2e9d4f', suspended: '#e08a1e', construction: '#2f6fbf', closed: '#8c8c8c' };
const STAGE_COLOURS: Record<string, string> = { general: '#c7b6ea', detailed: '#9b7fd6', exploration: '#6a3fb5' };
const GREEN_COLOURS: Record<string, string> = { national: '#c62828', regional: '#ef8f00' };
const YEAR_COLOURS = ['#1565c0', '#00897b', '#7b1fa2', '#5d4037', '#ad1457', '#0097a7', '#558b2f'];

function darker(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const f = (v: number) => Math.round(v * 0.65).toString(16).padStart(2, '0');
  return `#${f(n >> 16)}${f((n >> 8) & 255)}${f(n & 255)}`;
}

const solid = (c: string): Style => ({ fill: c, fillOpacity: 0.6, stroke: darker(c), strokeWidth: 0.8 });

export const BOUNDARY_STYLE: Style = { fill: 'none', fillOpacity: 0, stroke: '#333333', strokeWidth: 1.6, dash: '9 3 2 3' };
export const ZONE_STYLE: Style = { fill: '#a5d6a7', fillOpacity: 0.3, stroke: '#2e7d32', strokeWidth: 1.4, dash: '6 3' };
export const FLAG_COLOUR = '#d50000';

/** What a map's colours depend on: its target years and its minerals (in legend order). */
export interface StyleContext { years: number[]; minerals: string[] }

/** The style of a category; target years take colours in year order, minerals in legend order. */
export function styleOf(category: string, ctx: StyleContext): Style {
  const years = ctx.years;
  const [k, v] = category.split(':');
  switch (k) {
    case 'boundary': return BOUNDARY_STYLE;
    case 'zone': case 'block': return ZONE_STYLE;
    case 'mineral': {
      if (isCoal(v)) return solid(COAL_COLOUR);
      const others = ctx.minerals.filter((m) => !isCoal(m));
      return solid(MINERAL_PALETTE[Math.max(0, others.indexOf(v)) % MINERAL_PALETTE.length]);
    }
    case 'status': return solid(STATUS_COLOURS[v] ?? '#bdbdbd');
    case 'stage': return { fill: STAGE_COLOURS[v] ?? '#b39ddb', fillOpacity: 0.25, stroke: darker(STAGE_COLOURS[v] ?? '#b39ddb'), strokeWidth: 0.9, dash: '4 2' };
    case 'green': return solid(GREEN_COLOURS[v] ?? '#c62828');
    case 'target': return solid(YEAR_COLOURS[Math.max(0, years.indexOf(Number(v))) % YEAR_COLOURS.length]);
    default: return solid('#bdbdbd');
  }
}

/** Categories in legend order for a map type (only those present are listed). */
export function categoryOrder(type: MapType, ctx: StyleContext): string[] {
  const head = ['boundary', 'zone', 'block'];
  if (type === 'distribution') return [...head, ...ctx.minerals.map((m) => `mineral:${m}`)];
  if (type === 'status') return [...head, ...MINE_STATUSES.map((s) => `status:${s}`), 'status:unknown', ...EXPLORATION_STAGES.map((s) => `stage:${s}`)];
  return [...head, ...GREEN_LEVELS.map((g) => `green:${g}`), ...ctx.years.map((y) => `target:${y}`), 'other'];
}

/** Minerals in legend order: coal first, then by number of mines, then by name. */
export function mineralOrder(features: MapFeature[]): string[] {
  const count = new Map<string, number>();
  for (const f of features) if (f.category.startsWith('mineral:')) count.set(f.category.slice(8), (count.get(f.category.slice(8)) ?? 0) + 1);
  return [...count.keys()].sort((a, b) => Number(isCoal(b)) - Number(isCoal(a)) || count.get(b)! - count.get(a)! || a.localeCompare(b));
}

/** `names`: a mineral's name in the map's language. */
export function categoryLabel(category: string, t: TFunction, names: Record<string, string> = {}): string {
  const [k, v] = category.split(':');
  switch (k) {
    case 'boundary': return t('maps:legend.boundary');
    case 'zone': return t('maps:legend.zone');
    case 'block': return t('maps:legend.block');
    case 'mineral': return t('maps:legend.mineral', { mineral: names[v] ?? v });
    case 'status': return t('maps:legend.status', { status: t(`domain:status.${v}`, { defaultValue: v }) });
    case 'stage': return t('maps:legend.stage', { stage: t(`domain:stage.${v}`) });
    case 'green': return t('maps:legend.green', { level: t(`domain:greenLevel.${v}`) });
    case 'target': return t('maps:legend.target', { year: v });
    default: return t('maps:legend.other');
  }
}

export function targetYears(features: MapFeature[]): number[] {
  return [...new Set(features.filter((f) => f.category.startsWith('target:')).map((f) => Number(f.category.slice(7))))].sort((a, b) => a - b);
}
