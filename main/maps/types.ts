// The sketch maps of a plan (附图): the three kinds the banner seed lists, and what a map is drawn from.
export const MAP_TYPES = ['distribution', 'status', 'plan'] as const;
export type MapType = (typeof MAP_TYPES)[number];

/** A plane point: [easting (without zone prefix), northing], metres. */
export type XY = [number, number];

export type FeatureKind = 'boundary' | 'zone' | 'exploration' | 'mine';

export interface MapFeature {
  kind: FeatureKind;
  /** the corner-point block drawn, or null for a mine drawn at its location point */
  blockId: number | null;
  /** the row a click selects */
  row: { table: 'mines' | 'zones' | 'exploration_rights' | 'blocks'; id: number };
  name: string;
  /** style key within the map type (e.g. "mineral:coal", "green:national", "target:2024") */
  category: string;
  ring?: XY[];
  point?: XY;
  /** shoelace area of the typed coordinates, km² */
  areaKm2?: number;
  /** flagged by the plan checks (corner points in error) */
  flagged: boolean;
  /** its corner points lie in two or more 3° zones */
  spansZones: boolean;
}

export interface MapPlane {
  crs: 'xian80' | 'cgcs2000';
  zone: number;
}

export interface MapNotes {
  /** mines with neither corner points nor a location */
  unplacedMines: number;
  unplacedExploration: number;
  spanning: number;
  /** blocks typed in the other coordinate system, converted through longitude/latitude */
  otherCrs: number;
  lonLatPoints: number;
  flagged: number;
}

export interface MapModel {
  type: MapType;
  plane: MapPlane;
  features: MapFeature[];
  notes: MapNotes;
  /** minerals as named in the map's language */
  mineralNames: Record<string, string>;
}

export interface RenderedMap {
  type: MapType;
  svg: string;
  width: number;
  height: number;
  landscape: boolean;
  /** the caption title, e.g. "伊金霍洛旗矿山分布图" */
  title: string;
  /** how many polygons / points / labels were drawn, and labels left out for want of room */
  stats: { polygons: number; points: number; labels: number; labelsOmitted: number };
}
