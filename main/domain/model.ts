// The plan's data as the pipeline reads it (one snapshot of the project file).
import type {
  CoordinateSystem, ExplorationStage, GreenLevel, IndicatorAttribute, JurisdictionKind, Lang,
  MineStatus, MiningMethod, ScaleClass, ScaleUnit,
} from './vocabulary.ts';
import type { CornerPoint } from './coordinates.ts';
import type { LocalMineral } from './minerals.ts';

export interface Plan {
  title_zh: string; title_en: string;
  jurisdiction_zh: string; jurisdiction_en: string;
  kind: JurisdictionKind;
  parent_zh: string; parent_en: string;
  region_zh: string; region_en: string;
  issuer_zh: string; issuer_en: string;
  issue_date: string; // YYYY-MM
  base_year: number; period_start: number; period_end: number;
  near_year: number; far_year: number;
  indicator_years: number[];
  area_km2: number | null;
  bbox_west: number | null; bbox_south: number | null; bbox_east: number | null; bbox_north: number | null;
  template_id: string;
}

export interface Zone {
  id: number; sort: number; name_zh: string; name_en: string;
  location_zh: string; location_en: string; declared_area_km2: number | null; target_year: number | null;
}

export interface Mine {
  id: number; sort: number; name_zh: string; name_en: string; holder: string;
  mineral: string; method: MiningMethod | null;
  scale_value: number | null; scale_unit: ScaleUnit | null; scale_class: ScaleClass | null;
  /** null: not given (unknown), never assumed */
  status: MineStatus | null; green_level: GreenLevel | null; green_year: number | null;
  target_year: number | null; life_years: number | null; division: string;
  zone_id: number | null; is_sample: number; remarks: string;
  /** a location point as typed: "lon, lat" in degrees or "X, Y" in metres (Y with its zone prefix); '' when none */
  location: string;
}

export interface Licence {
  id: number; sort: number; number: string; mine_id: number | null; holder: string;
  area_km2: number | null; first_issued: string | null; valid_from: string | null; valid_to: string | null;
  is_sample: number; remarks: string;
}

export interface ExplorationRight {
  id: number; sort: number; name_zh: string; name_en: string; holder: string; mineral: string;
  stage: ExplorationStage; area_km2: number | null; valid_from: string | null; valid_to: string | null;
  is_sample: number; remarks: string;
}

export interface Reserve {
  id: number; sort: number; mineral: string; deposits: number | null; unit_zh: string; unit_en: string;
  reserve: number | null; resource: number | null; rank: number | null;
}

export interface Indicator {
  id: number; sort: number; category_zh: string; category_en: string; indicator_zh: string; indicator_en: string;
  sub_zh: string; sub_en: string; attribute: IndicatorAttribute;
  targets: Record<string, { zh: string; en: string }>;
}

export interface Block {
  id: number; sort: number; zone_id: number | null; mine_id: number | null; name_zh: string;
  exploration_id: number | null;
  /** 1: the jurisdiction's administrative boundary */
  boundary: number;
  crs: CoordinateSystem; declared_area_km2: number | null; points: CornerPoint[];
}

export interface Chapter {
  id: number; sort: number; key: string; lang: Lang; title: string; numbered: boolean; body: string; origin: string; updated_at: string;
}

export interface ScaleRule {
  mineral: string; method: MiningMethod | null; unit: ScaleUnit; large_min: number; medium_min: number;
}

/** A mark on one cell: a value the import inferred (status read from 备注, class from the scale table) until confirmed. */
export interface CellMark {
  table: string; rowId: number; column: string; kind: CellMarkKind; note: string;
}
export const CELL_MARK_KINDS = ['status_from_remarks', 'class_from_scale'] as const;
export type CellMarkKind = (typeof CELL_MARK_KINDS)[number];

export interface PlanData {
  plan: Plan;
  profile: Record<string, { zh: string; en: string }>;
  zones: Zone[];
  mines: Mine[];
  licences: Licence[];
  explorationRights: ExplorationRight[];
  reserves: Reserve[];
  indicators: Indicator[];
  blocks: Block[];
  chapters: Chapter[];
  appendices: string[];
  scaleRules: ScaleRule[];
  /** minerals the catalogue does not hold, with the group the plan gives them (absent in older revisions) */
  localMinerals?: LocalMineral[];
  /** inferred cells (absent in older revisions) */
  marks?: CellMark[];
}
