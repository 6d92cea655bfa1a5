// The editable tables of a plan, described once. The store's generic row repository, the API's
// argument validation, the UI's data grids and the spreadsheet import/export all read these specs.
import {
  COORDINATE_SYSTEMS, EXPLORATION_STAGES, GREEN_LEVELS, INDICATOR_ATTRIBUTES, MINE_STATUSES,
  MINING_METHODS, SCALE_CLASSES, SCALE_UNITS,
} from '../domain/vocabulary.ts';

export type ColumnType = 'text' | 'int' | 'real' | 'enum' | 'date' | 'year' | 'ref' | 'bool' | 'points' | 'location';

export interface ColumnSpec {
  key: string;
  type: ColumnType;
  required?: boolean;
  /** enum: allowed codes; labels are domain:<vocab>.<code> */
  values?: readonly string[];
  vocab?: string;
  /** ref: the table whose id this column holds */
  ref?: TableName;
  min?: number;
  max?: number;
  /** unique across the table */
  unique?: boolean;
  /** a licence number column */
  licenceNumber?: boolean;
  /** a mineral: any name, kept as typed (a true synonym becomes its catalogue name), see domain/minerals.ts */
  mineral?: boolean;
  /** relative width in grids */
  width?: number;
}

export interface TableSpec {
  name: TableName;
  columns: ColumnSpec[];
  /** the column that names a row in messages and diffs */
  labelColumn: string;
}

export const TABLE_NAMES = ['mines', 'licences', 'exploration_rights', 'reserves', 'indicators', 'zones', 'blocks'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const sample: ColumnSpec = { key: 'is_sample', type: 'bool', width: 1 };
const remarks: ColumnSpec = { key: 'remarks', type: 'text', width: 3 };

export const TABLES: Record<TableName, TableSpec> = {
  mines: {
    name: 'mines',
    labelColumn: 'name_zh',
    columns: [
      { key: 'name_zh', type: 'text', required: true, width: 6 },
      { key: 'name_en', type: 'text', width: 5 },
      { key: 'holder', type: 'text', width: 4 },
      { key: 'mineral', type: 'text', mineral: true, required: true, width: 3 },
      { key: 'method', type: 'enum', values: MINING_METHODS, vocab: 'method', width: 2 },
      { key: 'scale_value', type: 'real', min: 0, max: 100000, width: 2 },
      { key: 'scale_unit', type: 'enum', values: SCALE_UNITS, vocab: 'unit', width: 2 },
      { key: 'scale_class', type: 'enum', values: SCALE_CLASSES, vocab: 'scaleClass', width: 2 },
      { key: 'status', type: 'enum', values: MINE_STATUSES, vocab: 'status', width: 2 },
      { key: 'green_level', type: 'enum', values: GREEN_LEVELS, vocab: 'greenLevel', width: 2 },
      { key: 'green_year', type: 'year', width: 2 },
      { key: 'target_year', type: 'year', width: 2 },
      { key: 'life_years', type: 'real', min: 0, max: 500, width: 2 },
      { key: 'division', type: 'text', width: 2 },
      { key: 'zone_id', type: 'ref', ref: 'zones', width: 2 },
      { key: 'location', type: 'location', width: 4 },
      sample,
      remarks,
    ],
  },
  licences: {
    name: 'licences',
    labelColumn: 'number',
    columns: [
      { key: 'number', type: 'text', required: true, unique: true, licenceNumber: true, width: 5 },
      { key: 'mine_id', type: 'ref', ref: 'mines', width: 5 },
      { key: 'holder', type: 'text', width: 4 },
      { key: 'area_km2', type: 'real', min: 0, max: 100000, width: 2 },
      { key: 'first_issued', type: 'date', width: 2 },
      { key: 'valid_from', type: 'date', width: 2 },
      { key: 'valid_to', type: 'date', width: 2 },
      sample,
      remarks,
    ],
  },
  exploration_rights: {
    name: 'exploration_rights',
    labelColumn: 'name_zh',
    columns: [
      { key: 'name_zh', type: 'text', required: true, width: 6 },
      { key: 'name_en', type: 'text', width: 5 },
      { key: 'holder', type: 'text', width: 4 },
      { key: 'mineral', type: 'text', mineral: true, required: true, width: 3 },
      { key: 'stage', type: 'enum', values: EXPLORATION_STAGES, vocab: 'stage', required: true, width: 2 },
      { key: 'area_km2', type: 'real', min: 0, max: 100000, width: 2 },
      { key: 'valid_from', type: 'date', width: 2 },
      { key: 'valid_to', type: 'date', width: 2 },
      sample,
      remarks,
    ],
  },
  reserves: {
    name: 'reserves',
    labelColumn: 'mineral',
    columns: [
      { key: 'mineral', type: 'text', mineral: true, required: true, width: 3 },
      { key: 'deposits', type: 'int', min: 0, width: 1 },
      { key: 'unit_zh', type: 'text', width: 2 },
      { key: 'unit_en', type: 'text', width: 2 },
      { key: 'reserve', type: 'real', min: 0, width: 3 },
      { key: 'resource', type: 'real', min: 0, width: 3 },
      { key: 'rank', type: 'int', min: 1, width: 1 },
    ],
  },
  indicators: {
    name: 'indicators',
    labelColumn: 'indicator_zh',
    columns: [
      { key: 'category_zh', type: 'text', required: true, width: 3 },
      { key: 'category_en', type: 'text', width: 3 },
      { key: 'indicator_zh', type: 'text', required: true, width: 4 },
      { key: 'indicator_en', type: 'text', width: 4 },
      { key: 'sub_zh', type: 'text', width: 2 },
      { key: 'sub_en', type: 'text', width: 2 },
      { key: 'attribute', type: 'enum', values: INDICATOR_ATTRIBUTES, vocab: 'attribute', required: true, width: 2 },
    ],
  },
  zones: {
    name: 'zones',
    labelColumn: 'name_zh',
    columns: [
      { key: 'name_zh', type: 'text', required: true, width: 5 },
      { key: 'name_en', type: 'text', width: 5 },
      { key: 'location_zh', type: 'text', width: 4 },
      { key: 'location_en', type: 'text', width: 4 },
      { key: 'declared_area_km2', type: 'real', min: 0, width: 2 },
      { key: 'target_year', type: 'year', width: 2 },
    ],
  },
  blocks: {
    name: 'blocks',
    labelColumn: 'name_zh',
    columns: [
      { key: 'name_zh', type: 'text', width: 4 },
      { key: 'zone_id', type: 'ref', ref: 'zones', width: 3 },
      { key: 'mine_id', type: 'ref', ref: 'mines', width: 4 },
      { key: 'exploration_id', type: 'ref', ref: 'exploration_rights', width: 4 },
      { key: 'boundary', type: 'bool', width: 1 },
      { key: 'crs', type: 'enum', values: COORDINATE_SYSTEMS, vocab: 'crs', required: true, width: 2 },
      { key: 'declared_area_km2', type: 'real', min: 0, width: 2 },
      { key: 'points', type: 'points', required: true, width: 8 },
    ],
  },
};

export function tableSpec(name: string): TableSpec | undefined {
  return (TABLES as Record<string, TableSpec>)[name];
}

/** The key under domain:column.* that names a column (a reference column is named after what it refers to). */
export function columnLabelKey(column: string): string {
  return column === 'mine_id' ? 'mine' : column === 'zone_id' ? 'zone' : column === 'exploration_id' ? 'exploration' : column;
}
