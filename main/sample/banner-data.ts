// The bundled sample: the banner plan of the seed (伊金霍洛旗, 2023). It holds what the seed states
// and nothing invented: its 48 built green mines (name, method, scale class, level; the seed gives
// no production scale, licence, year built or remaining life for them, so those cells are empty),
// reserves, indicators, the demonstration zone and the planned green mines.
// Demonstration rows, marked is_sample (the checks list them, every exported page says "示例数据"):
// the 34 mines the seed counts but does not name ("示例煤矿 01"…), chosen so that the seed's
// aggregates (82 mines, 72 coal / 10 non-metal, 31 large / 28 medium / 23 small, 62 producing)
// come out of computation; and the 7 exploration rights, whose areas are split so that their
// total is the seed's 979.11 km² (the seed gives only the total and the stages).
// The seed gives no mining licence at all: the sample has none, and the text says so.
// Inferred, not stated by the seed: that the 48 built green mines are producing, and which 38 of
// them lie in the demonstration zone (the seed gives the count, 38, not the names).
import type { Plan } from '../domain/model.ts';
import type { ScaleClass } from '../domain/vocabulary.ts';

export const BANNER_PLAN: Plan = {
  title_zh: '伊金霍洛旗绿色矿山建设规划',
  title_en: 'Green Mine Construction Plan of Ejin Horo Banner',
  jurisdiction_zh: '伊金霍洛旗',
  jurisdiction_en: 'Ejin Horo Banner',
  kind: 'banner',
  parent_zh: '鄂尔多斯市',
  parent_en: 'Ordos City',
  region_zh: '内蒙古自治区',
  region_en: 'Inner Mongolia Autonomous Region',
  issuer_zh: '伊金霍洛旗人民政府',
  issuer_en: 'People’s Government of Ejin Horo Banner',
  issue_date: '2023-07',
  base_year: 2021,
  period_start: 2021,
  period_end: 2025,
  near_year: 2025,
  far_year: 2035,
  indicator_years: [2023, 2025],
  area_km2: 5600,
  // 108°58'–110°25' E, 38°56'–39°49' N
  bbox_west: 108 + 58 / 60,
  bbox_south: 38 + 56 / 60,
  bbox_east: 110 + 25 / 60,
  bbox_north: 39 + 49 / 60,
  template_id: 'banner',
};

export const BANNER_PROFILE: Record<string, [string, string]> = {
  towns: ['7', '7'],
  villages: ['138', '138'],
  population_10k: ['25.36', '25.36'],
  gdp_100m_yuan: ['990.77', '990.77'],
  gdp_growth_pct: ['4.5', '4.5'],
  minerals_found: ['20', '20'],
  lon_range: ['东经 108°58′～110°25′', '108°58′–110°25′ E'],
  lat_range: ['北纬 38°56′～39°49′', '38°56′–39°49′ N'],
};

/** The seed's 附表 2: name, method, scale class, level. All coal, all producing. */
export const BUILT_GREEN_MINES: [string, 'open_pit' | 'underground', ScaleClass, 'national' | 'regional'][] = [
  ['神东天隆集团有限责任公司武家塔露天煤矿', 'open_pit', 'medium', 'national'],
  ['中国神华能源股份有限公司布尔台煤矿', 'underground', 'large', 'national'],
  ['内蒙古伊泰大地煤炭有限公司大地精煤矿', 'underground', 'large', 'national'],
  ['内蒙古伊泰宝山煤炭有限责任公司宝山煤矿', 'underground', 'large', 'national'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司特拉布拉煤矿', 'open_pit', 'medium', 'national'],
  ['内蒙古蒙泰煤电集团有限公司满来梁煤矿', 'underground', 'large', 'national'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司满来梁煤矿', 'open_pit', 'medium', 'regional'],
  ['新能矿业有限公司王家塔矿井', 'underground', 'large', 'regional'],
  ['内蒙古赛蒙特尔煤业有限责任公司赛蒙特尔煤矿', 'underground', 'large', 'regional'],
  ['内蒙古李家塔煤矿', 'underground', 'large', 'regional'],
  ['中国神华能源股份有限公司乌兰木伦煤矿', 'underground', 'large', 'regional'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司石圪台煤矿', 'underground', 'medium', 'regional'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司荣恒煤矿', 'open_pit', 'medium', 'regional'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司后温家梁煤矿', 'open_pit', 'medium', 'regional'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司温家梁三号煤矿', 'underground', 'medium', 'regional'],
  ['中国神华能源股份有限公司金峰寸草塔煤矿', 'underground', 'large', 'regional'],
  ['中国神华能源股份有限公司柳塔矿', 'underground', 'large', 'regional'],
  ['内蒙古伊泰同达煤炭有限责任公司丁家渠煤矿', 'underground', 'large', 'regional'],
  ['内蒙古神东天隆集团有限责任公司霍洛湾煤矿', 'underground', 'large', 'regional'],
  ['鄂尔多斯市乌兰煤炭（集团）有限责任公司温家塔煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗呼氏煤炭有限责任公司淖尔壕煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗华能井煤矿有限公司煤矿', 'open_pit', 'small', 'regional'],
  ['伊金霍洛旗东博煤炭有限责任公司煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗呼能煤炭有限责任公司丁家梁煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗新庙镇敬老院煤矿', 'underground', 'medium', 'regional'],
  ['鄂尔多斯市鸿森矿业有限责任公司贾家渠煤矿', 'underground', 'medium', 'regional'],
  ['鄂尔多斯市神伊煤炭有限责任公司', 'open_pit', 'small', 'regional'],
  ['鄂尔多斯市闫家渠煤炭有限责任公司闫家渠煤矿', 'underground', 'medium', 'regional'],
  ['鄂尔多斯市转龙湾煤炭有限公司转龙湾煤矿', 'underground', 'large', 'regional'],
  ['鄂尔多斯市昊华精煤有限责任公司铜匠川矿区高家梁一号矿', 'underground', 'large', 'regional'],
  ['内蒙古丹蒙得煤业有限责任公司鑫臻煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗昊达煤炭有限责任公司煤矿', 'underground', 'medium', 'regional'],
  ['内蒙古友恒煤炭有限责任公司益民煤矿', 'underground', 'large', 'regional'],
  ['内蒙古蒙发煤炭有限责任公司呼和乌素煤矿', 'underground', 'large', 'regional'],
  ['内蒙古伊泰广联煤化工有限责任公司红庆河煤矿', 'underground', 'large', 'regional'],
  ['中国神华能源股份有限公司补连塔煤矿', 'underground', 'large', 'regional'],
  ['内蒙古鄂尔多斯永煤矿业投资有限公司马泰壕煤矿', 'underground', 'large', 'regional'],
  ['内蒙古昊盛煤业有限公司石拉乌素煤矿', 'underground', 'large', 'regional'],
  ['中国神华能源股份有限公司上湾煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗蒙泰煤炭有限责任公司窝兔沟煤矿', 'underground', 'medium', 'regional'],
  ['内蒙古汇能集团尔林兔煤炭有限公司尔林兔煤矿', 'underground', 'large', 'regional'],
  ['中国神华能源股份有限公司寸草塔煤矿', 'underground', 'large', 'regional'],
  ['内蒙古燎原有限责任公司燎原煤矿', 'underground', 'medium', 'regional'],
  ['鄂尔多斯市裕隆富祥矿业有限公司裕隆富祥煤矿', 'underground', 'medium', 'regional'],
  ['内蒙古油房渠矿业有限公司', 'underground', 'medium', 'regional'],
  ['内蒙古鑫泰煤炭开采有限公司文玉煤矿', 'underground', 'large', 'regional'],
  ['伊金霍洛旗兰家塔富源煤矿有限责任公司', 'open_pit', 'small', 'regional'],
  ['伊金霍洛旗新庙丁家梁煤矿', 'underground', 'medium', 'regional'],
];

/** How many of the built green mines lie in the demonstration zone (seed: 38). */
export const GREEN_IN_ZONE = 38;

/** The sample mines: counts per mineral, scale class and status that complete the seed's totals. */
export interface SampleMineSpec {
  mineral: string;
  method: 'open_pit' | 'underground';
  scale: ScaleClass;
  status: 'producing' | 'suspended' | 'construction';
  target_year: number | null;
}

export const ZONE_POINTS =
  '1, 4367770.34, 37399162.38; 2, 4359356.35, 37405718.65; 3, 4354730.29, 37398635.95; 4, 4340097.23, 37410362.50; 5, 4350485.01, 37431879.07; 6, 4358995.16, 37428326.58; 7, 4367671.34, 37423779.74; 8, 4370374.66, 37427606.19; 9, 4356097.54, 37443624.32; 10, 4364645.90, 37450351.93; 11, 4371969.16, 37450351.86; 12, 4378216.20, 37438252.78; 13, 4377537.69, 37436903.45; 14, 4377072.48, 37436908.51; 15, 4377652.66, 37436428.38; 16, 4377487.97, 37436137.91; 17, 4378062.78, 37436148.40; 18, 4377952.74, 37434738.58; 19, 4377817.64, 37433978.44; 20, 4378062.72, 37433478.43; 21, 4377100.96, 37431756.89; 22, 4381378.66, 37428876.56; 23, 4381378.65, 37415849.13';

export const RESERVES = [
  { mineral: '煤', deposits: 28, unit_zh: '千吨', unit_en: 'kt', reserve: 7026354.67, resource: 56882074.91, rank: 2 },
  { mineral: '油页岩', deposits: 2, unit_zh: '千吨', unit_en: 'kt', reserve: null, resource: 3413, rank: 1 },
  { mineral: '砖瓦用粘土', deposits: 1, unit_zh: '矿石 千立方米', unit_en: 'ore, 10³ m³', reserve: 2550, resource: 11540, rank: 1 },
];

export const INDICATORS: {
  category: [string, string]; indicator: [string, string]; sub?: [string, string];
  attribute: 'binding' | 'expected'; targets: Record<number, [string, string]>;
}[] = [
  { category: ['绿色矿山建设', 'Green mine construction'], indicator: ['绿色矿山数量（个）', 'Green mines (number)'], attribute: 'binding',
    targets: { 2023: ['53', '53'], 2025: ['全部矿山均达到绿色矿山建设标准', 'All mines meet the green-mine standard'] } },
  { category: ['绿色矿山建设', 'Green mine construction'], indicator: ['绿色矿业发展示范区（个）', 'Green mining demonstration zones (number)'], attribute: 'binding',
    targets: { 2023: ['1', '1'], 2025: ['1', '1'] } },
  { category: ['节约与综合利用', 'Conservation and comprehensive use'], indicator: ['废水循环利用率（%）', 'Wastewater recycling rate (%)'], attribute: 'expected',
    targets: { 2023: ['98', '98'], 2025: ['99', '99'] } },
  { category: ['节约与综合利用', 'Conservation and comprehensive use'], indicator: ['固体废弃物处置率（%）', 'Solid waste disposal rate (%)'], attribute: 'expected',
    targets: { 2023: ['100', '100'], 2025: ['100', '100'] } },
  { category: ['矿山地质环境保护与治理恢复', 'Mine geo-environment protection and restoration'], indicator: ['生产矿山地质环境治理率（%）', 'Geo-environment restoration rate of producing mines (%)'], attribute: 'binding',
    targets: { 2023: ['100', '100'], 2025: ['100', '100'] } },
  { category: ['矿山地质环境保护与治理恢复', 'Mine geo-environment protection and restoration'], indicator: ['矿区可绿化面积覆盖率（%）', 'Green cover of greenable mine land (%)'], sub: ['煤炭', 'coal'], attribute: 'expected',
    targets: { 2023: ['100', '100'], 2025: ['100', '100'] } },
  { category: ['矿山地质环境保护与治理恢复', 'Mine geo-environment protection and restoration'], indicator: ['矿区可绿化面积覆盖率（%）', 'Green cover of greenable mine land (%)'], sub: ['普通建筑用砂石土', 'common construction sand, stone and clay'], attribute: 'expected',
    targets: { 2023: ['90', '90'], 2025: ['100', '100'] } },
  { category: ['管理与科技创新', 'Management and innovation'], indicator: ['科技投入占矿山总产值比例（%）', 'R&D spending as share of mine output (%)'], attribute: 'expected',
    targets: { 2023: ['≥1.5', '≥1.5'], 2025: ['≥1.5', '≥1.5'] } },
];

/** The seed's 7 exploration rights: all coal, 3 detailed survey and 4 exploration, 979.11 km² in all. */
export const EXPLORATION_AREAS: [string, number][] = [
  ['detailed', 152.37], ['detailed', 98.64], ['detailed', 211.05],
  ['exploration', 126.88], ['exploration', 143.92], ['exploration', 170.31], ['exploration', 75.94],
];
