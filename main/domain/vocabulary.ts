// Controlled vocabularies of the domain. Codes are stored in the project file;
// their Chinese and English labels live in locales/<lang>/domain.json.

// Minerals are not a closed vocabulary: see minerals.ts (the national catalogue, names stored as typed).

export const MINING_METHODS = ['open_pit', 'underground'] as const;
export type MiningMethod = (typeof MINING_METHODS)[number];

/** 万吨/年, 万立方米/年, 亿立方米/年, 万克拉/年, 吨/年: the units of the 208号 classification table */
export const SCALE_UNITS = ['10kt_a', '10km3_a', '100Mm3_a', '10kct_a', 't_a'] as const;
export type ScaleUnit = (typeof SCALE_UNITS)[number];

export const SCALE_CLASSES = ['large', 'medium', 'small'] as const;
export type ScaleClass = (typeof SCALE_CLASSES)[number];

export const MINE_STATUSES = ['producing', 'suspended', 'construction', 'closed'] as const;
export type MineStatus = (typeof MINE_STATUSES)[number];

export const GREEN_LEVELS = ['national', 'regional'] as const;
export type GreenLevel = (typeof GREEN_LEVELS)[number];

export const EXPLORATION_STAGES = ['general', 'detailed', 'exploration'] as const;
export type ExplorationStage = (typeof EXPLORATION_STAGES)[number];

export const INDICATOR_ATTRIBUTES = ['binding', 'expected'] as const;
export type IndicatorAttribute = (typeof INDICATOR_ATTRIBUTES)[number];

export const JURISDICTION_KINDS = ['banner', 'district', 'county', 'city'] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const COORDINATE_SYSTEMS = ['xian80', 'cgcs2000'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
