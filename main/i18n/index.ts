// One i18next instance per language for the Node side (exports, CLI, API messages).
// The same JSON files feed the renderer, so UI and documents share one vocabulary.
import i18next, { type i18n, type TFunction } from 'i18next';
import zhCommon from '../../locales/zh-CN/common.json' with { type: 'json' };
import zhDomain from '../../locales/zh-CN/domain.json' with { type: 'json' };
import zhErrors from '../../locales/zh-CN/errors.json' with { type: 'json' };
import zhDocument from '../../locales/zh-CN/document.json' with { type: 'json' };
import zhChecks from '../../locales/zh-CN/checks.json' with { type: 'json' };
import zhReview from '../../locales/zh-CN/review.json' with { type: 'json' };
import zhMaps from '../../locales/zh-CN/maps.json' with { type: 'json' };
import zhFacts from '../../locales/zh-CN/facts.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enDomain from '../../locales/en/domain.json' with { type: 'json' };
import enErrors from '../../locales/en/errors.json' with { type: 'json' };
import enDocument from '../../locales/en/document.json' with { type: 'json' };
import enChecks from '../../locales/en/checks.json' with { type: 'json' };
import enReview from '../../locales/en/review.json' with { type: 'json' };
import enMaps from '../../locales/en/maps.json' with { type: 'json' };
import enFacts from '../../locales/en/facts.json' with { type: 'json' };
import type { Lang } from '../domain/vocabulary.ts';
import { GmpError } from '../domain/errors.ts';
import { columnLabelKey } from '../store/tables.ts';

export const resources = {
  'zh-CN': { common: zhCommon, domain: zhDomain, errors: zhErrors, document: zhDocument, checks: zhChecks, review: zhReview, maps: zhMaps, facts: zhFacts },
  en: { common: enCommon, domain: enDomain, errors: enErrors, document: enDocument, checks: enChecks, review: enReview, maps: enMaps, facts: enFacts },
};

const instances = new Map<Lang, i18n>();

export function localeOf(lang: Lang): 'zh-CN' | 'en' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function i18nFor(lang: Lang): i18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: localeOf(lang),
      fallbackLng: false,
      resources,
      ns: ['common', 'domain', 'errors', 'document', 'checks', 'review', 'maps', 'facts'],
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

export function tFor(lang: Lang): TFunction {
  return i18nFor(lang).t;
}

/** The user-facing message of an error, in the user's language, with its location. */
export function describeError(e: unknown, lang: Lang): string {
  const t = tFor(lang);
  if (e instanceof GmpError) {
    const params: Record<string, string | number> = { ...e.params };
    // a reason given as a message key is worded in the same language as the message around it
    if (typeof params.reason === 'string') params.detail = t(params.reason, { ...params, defaultValue: String(params.detail ?? '') });
    const msg = t(`errors:${e.code}`, { ...params, defaultValue: e.code });
    const loc = e.location;
    if (!loc) return msg;
    const parts: string[] = [];
    if (loc.file) parts.push(t('errors:loc.file', { file: loc.file }));
    if (loc.table) parts.push(t('errors:loc.table', { table: t(`domain:table.${loc.table}`, { defaultValue: loc.table }) }));
    if (loc.row !== undefined) parts.push(t('errors:loc.row', { row: loc.row }));
    if (loc.column) {
      parts.push(t('errors:loc.column', { column: t(`domain:column.${columnLabelKey(loc.column)}`, { defaultValue: loc.column }) }));
    }
    if (loc.line !== undefined) parts.push(t('errors:loc.line', { line: loc.line }));
    return parts.length ? `${parts.join(t('errors:loc.sep'))}${t('errors:loc.end')}${msg}` : msg;
  }
  const err = e as { code?: string; message?: string };
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') {
    return t('errors:io.not_writable', { detail: err.message ?? '' });
  }
  if (err?.code === 'ENOENT') return t('errors:io.not_found', { detail: err.message ?? '' });
  return t('errors:internal', { detail: err?.message ?? String(e) });
}
