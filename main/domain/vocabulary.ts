// Controlled vocabularies of the domain. Codes are stored in the project file;
// their Chinese and English labels live in locales/<lang>/domain.json.

export const MINERALS = [
  'coal', 'oil_shale', 'silica_sand', 'glass_sand', 'brick_clay', 'building_stone',
  'construction_sand', 'limestone', 'kaolin', 'fire_clay', 'mineral_water', 'other',
] as const;
export type Mineral = (typeof MINERALS)[number];

/** Which group a mineral is counted in when a plan says "煤矿 N 个，非金属矿山 M 个". */
export const MINERAL_GROUP: Record<Mineral, 'coal' | 'energy' | 'nonmetal' | 'water' | 'other'> = {
  coal: 'coal',
  oil_shale: 'energy',
  silica_sand: 'nonmetal',
  glass_sand: 'nonmetal',
  brick_clay: 'nonmetal',
  building_stone: 'nonmetal',
  construction_sand: 'nonmetal',
  limestone: 'nonmetal',
  kaolin: 'nonmetal',
  fire_clay: 'nonmetal',
  mineral_water: 'water',
  other: 'other',
};

export const MINING_METHODS = ['open_pit', 'underground'] as const;
export type MiningMethod = (typeof MINING_METHODS)[number];

export const SCALE_UNITS = ['10kt_a', '10km3_a'] as const;
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
