import type { TFunction } from 'i18next';
import type { Lang } from '../../domain/vocabulary.ts';
import type { Mine, PlanData } from '../../domain/model.ts';
import type { Facts } from '../../facts/plan-facts.ts';
import { formatNumber, vocabLabel } from '../../compose/filters.ts';
import { mineralLabel } from '../../domain/minerals.ts';
import { i18nFor, localeOf } from '../../i18n/index.ts';
import type { Cell, TableBlock, TableColumn } from '../ir.ts';

export interface TableContext {
  data: PlanData;
  facts: Facts;
  lang: Lang;
  t: TFunction;
}

export type TableContent = Pick<TableBlock, 'columns' | 'rows' | 'notes' | 'landscape'> & { header?: Cell[][] };

export interface TableDef {
  /** interpolation values for the title */
  build(ctx: TableContext): TableContent;
}

export const c = (text: string | number | null | undefined, extra: Partial<Cell> = {}): Cell => ({ text: text == null ? '' : String(text), ...extra });
export const col = (header: string, width: number, align: TableColumn['align'] = 'center'): TableColumn => ({ header, width, align });

export function mineName(m: Pick<Mine, 'name_zh' | 'name_en'>, lang: Lang): string {
  return lang === 'zh' ? m.name_zh : m.name_en || m.name_zh;
}

export function label(code: string | null | undefined, vocab: string, ctx: TableContext): string {
  if (!code) return fill(ctx, 'none', {});
  // a plan-local mineral is named in English as the user gave it (as typed when no English name is given)
  return vocab === 'mineral' ? mineralLabel(code, ctx.lang, ctx.data.localMinerals ?? []) : vocabLabel(code, vocab, ctx.lang);
}

export function num(v: number | null | undefined, digits: number | undefined, ctx: TableContext): string {
  return formatNumber(v, digits, ctx.lang);
}

const rawCache = new Map<string, string>();

/** A document string with {{name}} slots filled by plain replacement (tables call these per cell). */
function fill(ctx: TableContext, key: string, vars: Record<string, string>): string {
  const cacheKey = `${ctx.lang}:${key}`;
  let raw = rawCache.get(cacheKey);
  if (raw === undefined) {
    raw = String(i18nFor(ctx.lang).getResource(localeOf(ctx.lang), 'document', key) ?? key);
    rawCache.set(cacheKey, raw);
  }
  return raw.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

export function dateText(iso: string | null | undefined, ctx: TableContext): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return fill(ctx, 'dateFormat', { y, m, d });
}

export function validity(from: string | null, to: string | null, ctx: TableContext): string {
  if (!from && !to) return '';
  return fill(ctx, 'validity', { from: dateText(from, ctx), to: dateText(to, ctx) });
}

export function scaleText(m: Mine, ctx: TableContext): string {
  if (m.scale_value == null) return ctx.t('document:none');
  return fill(ctx, 'scale', { value: formatNumber(m.scale_value, undefined, ctx.lang), unit: vocabLabel(m.scale_unit, 'unit', ctx.lang) });
}

/**
 * The one row of a table whose data has not been entered: a visible placeholder across all its
 * columns ("【待填：采矿权现状（采矿权表）】"), never a total of 0 that reads as the office's figure.
 */
export function notEnteredRow(ctx: TableContext, labelKey: string, span: number): Cell[] {
  const label = String(i18nFor(ctx.lang).getResource(localeOf(ctx.lang), 'domain', `field.${labelKey}`) ?? labelKey);
  return [c(fill(ctx, 'placeholder.unset', { label }), { colSpan: span })];
}
