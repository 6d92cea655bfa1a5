// Numbered schema migrations. PRAGMA user_version holds the number of the last one applied.
// Never edit a migration that has shipped: add a new one.

/** The mineral codes of schema 1-2, read as the names their labels showed. */
const LEGACY_MINERAL = `CASE mineral WHEN 'coal' THEN '煤' WHEN 'oil_shale' THEN '油页岩' WHEN 'silica_sand' THEN '天然石英砂' WHEN 'glass_sand' THEN '玻璃用砂'
      WHEN 'brick_clay' THEN '砖瓦用粘土' WHEN 'building_stone' THEN '建筑用石料' WHEN 'construction_sand' THEN '建筑用砂'
      WHEN 'limestone' THEN '石灰岩' WHEN 'kaolin' THEN '高岭土' WHEN 'fire_clay' THEN '耐火粘土' WHEN 'mineral_water' THEN '矿泉水'
      WHEN 'other' THEN '其他' ELSE mineral END`;

export const MIGRATIONS: readonly string[] = [
  // 1: the plan and everything its chapters and appendix tables are made from.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title_zh TEXT NOT NULL, title_en TEXT NOT NULL DEFAULT '',
    jurisdiction_zh TEXT NOT NULL, jurisdiction_en TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('banner','district','county','city')),
    parent_zh TEXT NOT NULL DEFAULT '', parent_en TEXT NOT NULL DEFAULT '',
    region_zh TEXT NOT NULL DEFAULT '', region_en TEXT NOT NULL DEFAULT '',
    issuer_zh TEXT NOT NULL DEFAULT '', issuer_en TEXT NOT NULL DEFAULT '',
    issue_date TEXT NOT NULL DEFAULT '',
    base_year INTEGER NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,
    near_year INTEGER NOT NULL, far_year INTEGER NOT NULL,
    indicator_years TEXT NOT NULL DEFAULT '[]',
    area_km2 REAL,
    bbox_west REAL, bbox_south REAL, bbox_east REAL, bbox_north REAL,
    template_id TEXT NOT NULL
  );

  CREATE TABLE profile (key TEXT PRIMARY KEY, value_zh TEXT NOT NULL DEFAULT '', value_en TEXT NOT NULL DEFAULT '');

  CREATE TABLE zones (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
    location_zh TEXT NOT NULL DEFAULT '', location_en TEXT NOT NULL DEFAULT '',
    declared_area_km2 REAL, target_year INTEGER
  );

  CREATE TABLE mines (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', holder TEXT NOT NULL DEFAULT '',
    mineral TEXT NOT NULL, method TEXT CHECK (method IN ('open_pit','underground')),
    scale_value REAL CHECK (scale_value IS NULL OR scale_value >= 0),
    scale_unit TEXT CHECK (scale_unit IN ('10kt_a','10km3_a')),
    scale_class TEXT CHECK (scale_class IN ('large','medium','small')),
    status TEXT NOT NULL DEFAULT 'producing' CHECK (status IN ('producing','suspended','construction','closed')),
    green_level TEXT CHECK (green_level IN ('national','regional')),
    green_year INTEGER, target_year INTEGER, life_years REAL,
    division TEXT NOT NULL DEFAULT '',
    zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL,
    is_sample INTEGER NOT NULL DEFAULT 0, remarks TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX mines_sort ON mines(sort, id);

  CREATE TABLE licences (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    number TEXT NOT NULL UNIQUE,
    mine_id INTEGER REFERENCES mines(id) ON DELETE SET NULL,
    holder TEXT NOT NULL DEFAULT '', area_km2 REAL CHECK (area_km2 IS NULL OR area_km2 >= 0),
    first_issued TEXT, valid_from TEXT, valid_to TEXT,
    is_sample INTEGER NOT NULL DEFAULT 0, remarks TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX licences_mine ON licences(mine_id);

  CREATE TABLE exploration_rights (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', holder TEXT NOT NULL DEFAULT '',
    mineral TEXT NOT NULL, stage TEXT NOT NULL CHECK (stage IN ('general','detailed','exploration')),
    area_km2 REAL CHECK (area_km2 IS NULL OR area_km2 >= 0), valid_from TEXT, valid_to TEXT,
    is_sample INTEGER NOT NULL DEFAULT 0, remarks TEXT NOT NULL DEFAULT ''
  );

  CREATE TABLE reserves (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    mineral TEXT NOT NULL, deposits INTEGER,
    unit_zh TEXT NOT NULL DEFAULT '', unit_en TEXT NOT NULL DEFAULT '',
    reserve REAL, resource REAL, rank INTEGER
  );

  CREATE TABLE indicators (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    category_zh TEXT NOT NULL, category_en TEXT NOT NULL DEFAULT '',
    indicator_zh TEXT NOT NULL, indicator_en TEXT NOT NULL DEFAULT '',
    sub_zh TEXT NOT NULL DEFAULT '', sub_en TEXT NOT NULL DEFAULT '',
    attribute TEXT NOT NULL CHECK (attribute IN ('binding','expected'))
  );
  CREATE TABLE indicator_targets (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    year INTEGER NOT NULL, value_zh TEXT NOT NULL DEFAULT '', value_en TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, year)
  );

  CREATE TABLE blocks (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    zone_id INTEGER REFERENCES zones(id) ON DELETE CASCADE,
    mine_id INTEGER REFERENCES mines(id) ON DELETE CASCADE,
    name_zh TEXT NOT NULL DEFAULT '', crs TEXT NOT NULL DEFAULT 'xian80' CHECK (crs IN ('xian80','cgcs2000')),
    declared_area_km2 REAL
  );
  CREATE TABLE points (
    block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '', x REAL NOT NULL, y REAL NOT NULL,
    PRIMARY KEY (block_id, seq)
  );

  CREATE TABLE chapters (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL, key TEXT NOT NULL, lang TEXT NOT NULL CHECK (lang IN ('zh','en')),
    title TEXT NOT NULL, numbered INTEGER NOT NULL DEFAULT 1, body TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,
    UNIQUE (key, lang)
  );

  CREATE TABLE appendices (
    sort INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE
  );

  CREATE TABLE scale_rules (
    id INTEGER PRIMARY KEY, mineral TEXT NOT NULL, method TEXT, unit TEXT NOT NULL,
    large_min REAL NOT NULL, medium_min REAL NOT NULL
  );
  `,
  // 2: named revisions of the whole plan (data and chapter text), kept in the project file.
  `
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, snapshot BLOB NOT NULL
  );
  `,
  // 3: minerals are names as typed (the national catalogue, or plan-local names with their group);
  // a mine's status may be unknown (NULL) and its scale unit any of the classification table's;
  // a cell may carry a mark (a value the import inferred, until the user confirms it).
  // The mines table is rebuilt (SQLite cannot drop a NOT NULL), keeping every row and id.
  `
  CREATE TABLE mines_v3 (
    id INTEGER PRIMARY KEY, sort INTEGER NOT NULL DEFAULT 0,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', holder TEXT NOT NULL DEFAULT '',
    mineral TEXT NOT NULL, method TEXT CHECK (method IN ('open_pit','underground')),
    scale_value REAL CHECK (scale_value IS NULL OR scale_value >= 0),
    scale_unit TEXT,
    scale_class TEXT CHECK (scale_class IN ('large','medium','small')),
    status TEXT CHECK (status IS NULL OR status IN ('producing','suspended','construction','closed')),
    green_level TEXT CHECK (green_level IN ('national','regional')),
    green_year INTEGER, target_year INTEGER, life_years REAL,
    division TEXT NOT NULL DEFAULT '',
    zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL,
    is_sample INTEGER NOT NULL DEFAULT 0, remarks TEXT NOT NULL DEFAULT ''
  );
  INSERT INTO mines_v3 (id, sort, name_zh, name_en, holder, mineral, method, scale_value, scale_unit, scale_class, status,
    green_level, green_year, target_year, life_years, division, zone_id, is_sample, remarks)
    SELECT id, sort, name_zh, name_en, holder, LEGACY, method, scale_value, scale_unit, scale_class, status,
    green_level, green_year, target_year, life_years, division, zone_id, is_sample, remarks FROM mines;
  DROP TABLE mines;
  ALTER TABLE mines_v3 RENAME TO mines;
  CREATE INDEX mines_sort ON mines(sort, id);
  CREATE INDEX mines_name ON mines(name_zh);

  UPDATE exploration_rights SET mineral = LEGACY;
  UPDATE reserves SET mineral = LEGACY;
  UPDATE scale_rules SET mineral = LEGACY;

  CREATE TABLE local_minerals (
    name TEXT PRIMARY KEY,
    grp TEXT NOT NULL DEFAULT 'unknown' CHECK (grp IN ('energy','metallic','nonmetallic','water_gas','unknown')),
    name_en TEXT NOT NULL DEFAULT ''
  );

  CREATE TABLE cell_marks (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, col TEXT NOT NULL,
    kind TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tbl, row_id, col)
  );
  `.replaceAll('LEGACY', LEGACY_MINERAL),
  // 4: what the sketch maps need: a mine's location point (longitude/latitude or projected X/Y, as typed),
  // blocks of exploration rights, and blocks that are the jurisdiction's boundary.
  `
  ALTER TABLE mines ADD COLUMN location TEXT NOT NULL DEFAULT '';
  ALTER TABLE blocks ADD COLUMN exploration_id INTEGER REFERENCES exploration_rights(id) ON DELETE CASCADE;
  ALTER TABLE blocks ADD COLUMN boundary INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: indexes for the lookups an import makes per row (a mine by holder, the next licence sort
  // number, a mine's or zone's blocks; a mine by name has mines_name from 3): without them an
  // import is quadratic in the table's size.
  `
  CREATE INDEX IF NOT EXISTS mines_holder ON mines(holder);
  CREATE INDEX IF NOT EXISTS licences_sort ON licences(sort, id);
  CREATE INDEX IF NOT EXISTS blocks_mine ON blocks(mine_id);
  CREATE INDEX IF NOT EXISTS blocks_zone ON blocks(zone_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
