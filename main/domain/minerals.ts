// The national mineral catalogue (《矿产资源分类细目》 and the use-varieties offices write) and the
// production-scale classification table (国土资发〔2004〕208号), both kept as data in ./catalogue.
// A mine's mineral is stored as typed; this module says whether a name is in the catalogue, which
// group it belongs to, and the one normalisation allowed: a true synonym to its catalogue name.
import minerals from './catalogue/minerals.json' with { type: 'json' };
import scaleClasses from './catalogue/scale-classes.json' with { type: 'json' };
import type { Lang } from './vocabulary.ts';
import type { Mine, ScaleRule } from './model.ts';

export const MINERAL_GROUPS = ['energy', 'metallic', 'nonmetallic', 'water_gas'] as const;
export type MineralGroup = (typeof MINERAL_GROUPS)[number];
/** a plan-local mineral's group may be left open */
export const LOCAL_MINERAL_GROUPS = [...MINERAL_GROUPS, 'unknown'] as const;
export type LocalMineralGroup = (typeof LOCAL_MINERAL_GROUPS)[number];

export interface CatalogueMineral {
  zh: string;
  en: string;
  group: MineralGroup;
  /** for a use-variety: the catalogue mineral it is a variety of */
  of: string | null;
  variety: boolean;
}

/** The matching key of a name: NFKC, no spaces, 粘 folded into 黏 (the same character in clay names). */
const keyCache = new Map<string, string>();

/** The comparison key of a mineral name (NFKC, spaces, 粘/黏, case); remembered, since an import asks it per row and rule. */
export function mineralKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const key = name.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/(?<=[^ -~]) | (?=[^ -~])/g, '').replace(/粘/g, '黏').toLowerCase();
  // bounded: names come from user files
  if (keyCache.size >= 20_000) keyCache.clear();
  if (name.length <= 200) keyCache.set(name, key);
  return key;
}

const byKey = new Map<string, CatalogueMineral>();
const synonymOf = new Map<string, string>();
for (const g of minerals.groups) {
  const group = g.code as MineralGroup;
  const add = (e: { zh: string; en: string; of?: string | null; synonyms?: string[] }, variety: boolean) => {
    byKey.set(mineralKey(e.zh), { zh: e.zh, en: e.en, group, of: e.of ?? null, variety });
    for (const s of e.synonyms ?? []) synonymOf.set(mineralKey(s), e.zh);
    // the English name of a catalogue mineral names the same mineral
    if (!synonymOf.has(mineralKey(e.en))) synonymOf.set(mineralKey(e.en), e.zh);
  };
  for (const m of g.minerals) add(m, false);
  for (const v of g.varieties) add(v, true);
}

export const MINERAL_SOURCE = minerals.source;
export const SCALE_TABLE_SOURCE = scaleClasses.source;

/** Every catalogue name (minerals, then varieties), for suggestions. */
export function catalogueNames(): string[] {
  return [...byKey.values()].map((m) => m.zh);
}

export function catalogueMinerals(): CatalogueMineral[] {
  return [...byKey.values()];
}

/** The catalogue entry of a name as typed (either spelling of 粘/黏), without synonyms. */
export function catalogueEntry(name: string): CatalogueMineral | null {
  return byKey.get(mineralKey(name)) ?? null;
}

export interface MineralReading {
  /** the name to store */
  name: string;
  entry: CatalogueMineral | null;
  /** how the typed text was turned into `name` */
  how: 'catalogue' | 'synonym' | 'local';
}

/**
 * Reads a mineral as typed: a catalogue name is kept exactly as typed; a true synonym (煤炭, or
 * 铁矿 for 铁) becomes its catalogue name; anything else is kept exactly as typed, as a plan-local
 * mineral. Never refused, never mapped to another species.
 */
export function readMineral(typed: string): MineralReading {
  const name = typed.trim();
  const key = mineralKey(name);
  const entry = byKey.get(key);
  if (entry) return { name, entry, how: 'catalogue' };
  const syn = synonymOf.get(key);
  if (syn) return { name: syn, entry: byKey.get(mineralKey(syn)) ?? null, how: 'synonym' };
  // "铁矿", "磷矿": the mineral named with 矿 ("ore") after it
  if (key.length > 1 && key.endsWith('矿')) {
    const base = byKey.get(key.slice(0, -1));
    if (base && !base.variety) return { name: base.zh, entry: base, how: 'synonym' };
  }
  return { name, entry: null, how: 'local' };
}

/**
 * Codes earlier versions stored instead of names (projects and revisions written before the catalogue):
 * read as the name their label showed.
 */
const LEGACY: Record<string, string> = {
  coal: '煤', oil_shale: '油页岩', silica_sand: '天然石英砂', glass_sand: '玻璃用砂', brick_clay: '砖瓦用粘土',
  building_stone: '建筑用石料', construction_sand: '建筑用砂', limestone: '石灰岩', kaolin: '高岭土', fire_clay: '耐火粘土',
  mineral_water: '矿泉水', other: '其他',
};
export function legacyCode(code: string): string | null {
  return Object.hasOwn(LEGACY, code) ? LEGACY[code] : null;
}

export interface LocalMineral {
  name: string;
  group: LocalMineralGroup;
  name_en: string;
}

/** The group a mineral is counted in: the catalogue's, else the plan's own choice, else unknown. */
export function groupOf(name: string, local: readonly LocalMineral[] = []): LocalMineralGroup {
  const e = catalogueEntry(name);
  if (e) return e.group;
  const key = mineralKey(name);
  return local.find((l) => mineralKey(l.name) === key)?.group ?? 'unknown';
}

/** Coal, and its varieties by use (动力煤…): the "煤矿" of a plan's counts. */
export function isCoal(name: string): boolean {
  const e = catalogueEntry(name);
  return !!e && (e.zh === '煤' || e.of === '煤');
}

/** The name in a language: Chinese as stored; English from the catalogue, else the plan's own, else as typed. */
export function mineralLabel(name: string, lang: Lang, local: readonly LocalMineral[] = []): string {
  if (lang === 'zh' || !name) return name;
  const e = catalogueEntry(name);
  if (e) return e.en;
  const key = mineralKey(name);
  return local.find((l) => mineralKey(l.name) === key)?.name_en || name;
}

export interface ScaleTableRow {
  category: string;
  minerals: string[];
  method?: string;
  unit: string;
  unitZh: string;
  large?: number;
  medium?: number;
  always?: string;
  note?: string;
}

export const SCALE_TABLE: readonly ScaleTableRow[] = scaleClasses.rows as ScaleTableRow[];

/** The table as a plan's editable rules: one rule per mineral name, method and unit ('always' rows have no thresholds). */
export function defaultScaleRules(): ScaleRule[] {
  return SCALE_TABLE.flatMap((row) => (row.large == null || row.medium == null ? [] : row.minerals.map((mineral) => ({
    mineral, method: (row.method ?? null) as ScaleRule['method'], unit: row.unit as ScaleRule['unit'], large_min: row.large!, medium_min: row.medium!,
  }))));
}

/** The plan's rules for a mineral: its own, else those of the mineral it is a use-variety of. */
export function rulesFor(mineral: string, rules: readonly ScaleRule[]): ScaleRule[] {
  // asked once per row of an import with the same rules: kept per rules list (a rules list is not changed in place)
  let memo = rulesMemo.get(rules);
  if (!memo) rulesMemo.set(rules, (memo = new Map()));
  const key = mineralKey(mineral);
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= 1000) memo.clear();
    memo.set(key, (hit = findRules(mineral, rules)));
  }
  return hit;
}

const rulesMemo = new WeakMap<readonly ScaleRule[], Map<string, ScaleRule[]>>();

function findRules(mineral: string, rules: readonly ScaleRule[]): ScaleRule[] {
  const own = rules.filter((r) => mineralKey(r.mineral) === mineralKey(mineral));
  if (own.length) return own;
  const base = catalogueEntry(mineral)?.of;
  return base ? rules.filter((r) => mineralKey(r.mineral) === mineralKey(base)) : [];
}

export function expectedClass(m: Pick<Mine, 'mineral' | 'method' | 'scale_value' | 'scale_unit'>, rules: readonly ScaleRule[]): 'large' | 'medium' | 'small' | null {
  if (m.scale_value == null || !m.scale_unit) return null;
  const mine = rulesFor(m.mineral, rules).filter((r) => r.unit === m.scale_unit);
  // a rule for one mining method applies only when the mine's method is known to be it
  const rule = mine.find((r) => r.method != null && r.method === m.method) ?? mine.find((r) => r.method == null);
  if (!rule) return null;
  return m.scale_value >= rule.large_min ? 'large' : m.scale_value >= rule.medium_min ? 'medium' : 'small';
}
