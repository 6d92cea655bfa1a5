// The appendix and in-text tables a template can place, each built from the plan's data.
import { formatCornerPoints } from '../../domain/coordinates.ts';
import type { Mine } from '../../domain/model.ts';
import { c, col, dateText, label, mineName, notEnteredRow, num, scaleText, validity, type TableContext, type TableDef } from './helpers.ts';

const seqRows = <T>(items: readonly T[], cells: (item: T) => ReturnType<typeof c>[]) =>
  items.map((it, i) => [c(i + 1), ...cells(it)]);

const minesStatus: TableDef = {
  build(ctx) {
    const { t } = ctx;
    return {
      landscape: true,
      notes: [],
      columns: [col(t('document:col.seq'), 1), col(t('document:col.mine'), 7, 'left'), col(t('document:col.mineral'), 2.2), col(t('document:col.method'), 2.2),
        col(t('document:col.scale'), 2.4), col(t('document:col.scaleClass'), 1.6), col(t('document:col.status'), 1.6), col(t('document:col.green'), 1.8)],
      rows: ctx.data.mines.length === 0 ? [notEnteredRow(ctx, 'mine_table', 8)] : seqRows(ctx.data.mines, (m) => [c(mineName(m, ctx.lang), { align: 'left' }), c(label(m.mineral, 'mineral', ctx)), c(label(m.method, 'method', ctx)),
        c(scaleText(m, ctx)), c(label(m.scale_class, 'scaleClass', ctx)), c(label(m.status, 'status', ctx)), c(label(m.green_level, 'greenLevel', ctx))]),
    };
  },
};

const explorationRights: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const list = ctx.data.explorationRights;
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.seq'), 1), col(t('document:col.name'), 5.6, 'left'), col(t('document:col.exMineral'), 2), col(t('document:col.stage'), 2),
        col(t('document:col.area'), 2, 'right'), col(t('document:col.validity'), 5)],
      rows: list.length === 0 ? [notEnteredRow(ctx, 'exploration_table', 6)] : [
        ...seqRows(list, (e) => [c(ctx.lang === 'zh' ? e.name_zh : e.name_en || e.name_zh, { align: 'left' }), c(label(e.mineral, 'mineral', ctx)),
          c(label(e.stage, 'stage', ctx)), c(num(e.area_km2, 2, ctx), { align: 'right' }), c(validity(e.valid_from, e.valid_to, ctx))]),
        [c(t('document:total'), { colSpan: 4 }), c(num(ctx.facts.exploration.areaKm2, 2, ctx), { align: 'right' }), c('')],
      ],
    };
  },
};

function licenceRows(ctx: TableContext) {
  const mines = new Map<number, Mine>(ctx.data.mines.map((m) => [m.id, m]));
  return ctx.data.licences.map((l) => ({ l, m: l.mine_id != null ? mines.get(l.mine_id) : undefined }));
}

const licences: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const rows = licenceRows(ctx);
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.seq'), 0.9), col(t('document:col.number'), 5.2), col(t('document:col.mine'), 5, 'left'),
        col(t('document:col.area'), 1.9, 'right'), col(t('document:col.validity'), 4.6)],
      rows: rows.length === 0 ? [notEnteredRow(ctx, 'licence_table', 5)] : [
        ...seqRows(rows, ({ l, m }) => [c(l.number), c(m ? mineName(m, ctx.lang) : l.holder, { align: 'left' }), c(num(l.area_km2, 4, ctx), { align: 'right' }),
          c(validity(l.valid_from, l.valid_to, ctx))]),
        [c(t('document:total'), { colSpan: 3 }), c(num(ctx.facts.licences.areaKm2, 4, ctx), { align: 'right' }), c('')],
      ],
    };
  },
};

const greenMines: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const list = ctx.data.mines.filter((m) => m.green_level);
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.seq'), 1), col(t('document:col.mine'), 8, 'left'), col(t('document:col.mineral'), 1.6), col(t('document:col.method'), 2),
        col(t('document:col.scaleClassShort'), 1.6), col(t('document:col.greenLevel'), 1.8)],
      rows: ctx.data.mines.length === 0 ? [notEnteredRow(ctx, 'mine_table', 6)] : seqRows(list, (m) => [c(mineName(m, ctx.lang), { align: 'left' }), c(label(m.mineral, 'mineral', ctx)), c(label(m.method, 'method', ctx)),
        c(label(m.scale_class, 'scaleClass', ctx)), c(label(m.green_level, 'greenLevel', ctx))]),
    };
  },
};

const greenPlan: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const list = ctx.data.mines.filter((m) => !m.green_level && m.target_year != null && m.status !== 'closed')
      .sort((a, b) => (a.target_year as number) - (b.target_year as number) || a.sort - b.sort);
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.seq'), 1), col(t('document:col.mine'), 7, 'left'), col(t('document:col.mineral'), 2), col(t('document:col.method'), 2),
        col(t('document:col.scaleClass'), 1.6), col(t('document:col.status'), 1.6), col(t('document:col.targetYear'), 2)],
      rows: ctx.data.mines.length === 0 ? [notEnteredRow(ctx, 'mine_table', 7)] : seqRows(list, (m) => [c(mineName(m, ctx.lang), { align: 'left' }), c(label(m.mineral, 'mineral', ctx)), c(label(m.method, 'method', ctx)),
        c(label(m.scale_class, 'scaleClass', ctx)), c(label(m.status, 'status', ctx)), c(m.target_year)]),
    };
  },
};

const reserves: TableDef = {
  build(ctx) {
    const { t } = ctx;
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.seq'), 1), col(t('document:col.reserveMineral'), 2.4), col(t('document:col.deposits'), 1.4), col(t('document:col.reserveUnit'), 2.4),
        col(t('document:col.reserve'), 2.6, 'right'), col(t('document:col.resource'), 2.6, 'right'), col(t('document:col.rank'), 1.4)],
      rows: ctx.data.reserves.length === 0 ? [notEnteredRow(ctx, 'reserves_table', 7)] : seqRows(ctx.data.reserves, (r) => [c(label(r.mineral, 'mineral', ctx)), c(r.deposits), c(ctx.lang === 'zh' ? r.unit_zh : r.unit_en || r.unit_zh),
        c(num(r.reserve, 2, ctx), { align: 'right' }), c(num(r.resource, 2, ctx), { align: 'right' }), c(r.rank)]),
    };
  },
};

const indicators: TableDef = {
  build(ctx) {
    const { t, lang } = ctx;
    const years = ctx.data.plan.indicator_years;
    const list = ctx.data.indicators;
    const pick = (zh: string, en: string) => (lang === 'zh' ? zh : en || zh);
    const rows = list.map((ind, i) => {
      const row = [];
      const cat = pick(ind.category_zh, ind.category_en);
      const prevCat = i > 0 ? pick(list[i - 1].category_zh, list[i - 1].category_en) : null;
      if (cat !== prevCat) {
        let span = 1;
        while (i + span < list.length && pick(list[i + span].category_zh, list[i + span].category_en) === cat) span++;
        row.push(c(cat, { rowSpan: span }));
      }
      const name = pick(ind.indicator_zh, ind.indicator_en);
      const sub = pick(ind.sub_zh, ind.sub_en);
      const prevName = i > 0 ? pick(list[i - 1].indicator_zh, list[i - 1].indicator_en) : null;
      if (sub) {
        if (name !== prevName || !(pick(list[i - 1].sub_zh, list[i - 1].sub_en))) {
          let span = 1;
          while (i + span < list.length && pick(list[i + span].indicator_zh, list[i + span].indicator_en) === name && pick(list[i + span].sub_zh, list[i + span].sub_en)) span++;
          row.push(c(name, { rowSpan: span, align: 'left' }));
        }
        row.push(c(sub));
      } else {
        row.push(c(name, { colSpan: 2, align: 'left' }));
      }
      for (const y of years) row.push(c(ind.targets[String(y)]?.[lang] ?? ''));
      row.push(c(label(ind.attribute, 'attribute', ctx)));
      return row;
    });
    return {
      landscape: false,
      notes: [],
      columns: [col(t('document:col.category'), 3), col(t('document:col.indicator'), 4.2, 'left'), col('', 2.2), ...years.map((y) => col(t('document:col.year', { year: y }), 2.4)),
        col(t('document:col.attribute'), 1.6)],
      header: [[c(t('document:col.category')), c(t('document:col.indicator'), { colSpan: 2 }), ...years.map((y) => c(t('document:col.year', { year: y }))), c(t('document:col.attribute'))]],
      rows: rows.length === 0 ? [notEnteredRow(ctx, 'indicator_table', 4 + years.length)] : rows,
    };
  },
};

const zonePoints: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const zone = ctx.facts.zone;
    const blocks = zone ? ctx.data.blocks.filter((b) => b.zone_id === zone.id) : [];
    const points = blocks.flatMap((b) => b.points);
    const crs = label(blocks[0]?.crs ?? 'xian80', 'crs', ctx);
    const half = Math.ceil(points.length / 2);
    const rows = [];
    for (let i = 0; i < half; i++) {
      const a = points[i];
      const b = points[i + half];
      rows.push([c(a.label), c(a.x.toFixed(2)), c(a.y.toFixed(2)), c(b?.label ?? ''), c(b ? b.x.toFixed(2) : ''), c(b ? b.y.toFixed(2) : '')]);
    }
    const notes = zone ? [t('document:zoneNote', {
      name: ctx.lang === 'zh' ? zone.name_zh : zone.name_en || zone.name_zh,
      declared: num(zone.declaredAreaKm2, 2, ctx), computed: num(zone.computedAreaKm2, 4, ctx), crs,
      zones: zone.blocks.flatMap((b) => b.zones).filter((z, i, a) => a.indexOf(z) === i).join('、'),
    })] : [];
    const coords = t('document:col.coords', { crs });
    return {
      landscape: true,
      notes,
      columns: [col(t('document:col.point'), 1.2), col(t('document:col.x'), 3), col(t('document:col.y'), 3), col(t('document:col.point'), 1.2), col(t('document:col.x'), 3), col(t('document:col.y'), 3)],
      header: [
        [c(t('document:col.point'), { rowSpan: 2 }), c(coords, { colSpan: 2 }), c(t('document:col.point'), { rowSpan: 2 }), c(coords, { colSpan: 2 })],
        [c('X'), c('Y'), c('X'), c('Y')],
      ],
      rows,
    };
  },
};

const licenceRegister: TableDef = {
  build(ctx) {
    const { t } = ctx;
    return {
      landscape: true,
      notes: [],
      columns: [col(t('document:col.seq'), 0.8), col(t('document:col.number'), 3.6), col(t('document:col.holder'), 4, 'left'), col(t('document:col.area'), 1.6, 'right'),
        col(t('document:col.scale'), 2), col(t('document:col.mineral'), 1.8), col(t('document:col.method'), 1.8), col(t('document:col.firstIssued'), 1.8),
        col(t('document:col.validity'), 3.4), col(t('document:col.remarks'), 1.6)],
      rows: ctx.data.licences.length === 0 ? [notEnteredRow(ctx, 'licence_table', 10)] : seqRows(licenceRows(ctx), ({ l, m }) => [c(l.number), c(l.holder || (m ? mineName(m, ctx.lang) : ''), { align: 'left' }), c(num(l.area_km2, 4, ctx), { align: 'right' }),
        c(m ? scaleText(m, ctx) : ''), c(m ? label(m.mineral, 'mineral', ctx) : ''), c(m ? label(m.method, 'method', ctx) : ''), c(dateText(l.first_issued, ctx)),
        c(validity(l.valid_from, l.valid_to, ctx)), c(l.remarks)]),
    };
  },
};

const planTable: TableDef = {
  build(ctx) {
    const { t } = ctx;
    const licenceByMine = new Map(ctx.data.licences.filter((l) => l.mine_id != null).map((l) => [l.mine_id as number, l]));
    const list = ctx.data.mines.filter((m) => m.status !== 'closed');
    // each mine's blocks in one pass (not a scan of all blocks per mine)
    const blocksByMine = new Map<number, typeof ctx.data.blocks>();
    for (const b of ctx.data.blocks) {
      if (b.mine_id == null) continue;
      const group = blocksByMine.get(b.mine_id);
      if (group) group.push(b);
      else blocksByMine.set(b.mine_id, [b]);
    }
    return {
      landscape: true,
      notes: [],
      columns: [col(t('document:col.seq'), 0.8), col(t('document:col.mine'), 4, 'left'), col(t('document:col.division'), 1.6), col(t('document:col.scaleClass'), 1.3),
        col(t('document:col.mineral'), 1.6), col(t('document:col.corners'), 6, 'left'), col(t('document:col.method'), 1.6), col(t('document:col.area'), 1.5, 'right'),
        col(t('document:col.status'), 1.3), col(t('document:col.targetYear'), 1.4)],
      rows: ctx.data.mines.length === 0 ? [notEnteredRow(ctx, 'mine_table', 10)] : seqRows(list, (m) => {
        const blocks = blocksByMine.get(m.id) ?? [];
        return [c(mineName(m, ctx.lang), { align: 'left' }), c(m.division), c(label(m.scale_class, 'scaleClass', ctx)), c(label(m.mineral, 'mineral', ctx)),
          c(blocks.map((b) => formatCornerPoints(b.points)).join('\n'), { align: 'left' }), c(label(m.method, 'method', ctx)),
          c(num(licenceByMine.get(m.id)?.area_km2 ?? null, 4, ctx), { align: 'right' }), c(label(m.status, 'status', ctx)), c(m.green_level ? label(m.green_level, 'greenLevel', ctx) : m.target_year)];
      }),
    };
  },
};

export const TABLE_DEFS: Record<string, TableDef> = {
  mines_status: minesStatus,
  exploration_rights: explorationRights,
  licences,
  green_mines: greenMines,
  green_plan: greenPlan,
  reserves,
  indicators,
  zone_points: zonePoints,
  licence_register: licenceRegister,
  plan_table: planTable,
};
