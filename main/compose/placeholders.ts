// Missing data in a chapter: an unset plan field renders as a visible placeholder
// (【待填：行政区面积】 / [to fill: jurisdiction area]) and a name the data does not have (a typo)
// as 【未知数据项：f.mines.totl】, never as an exception that stops the preview or the export.
// Each placeholder is also reported as a gap, with the chapter and the line it is bound on.
import { Drop, type Liquid, type Template } from 'liquidjs';
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';

export type GapKind = 'unset' | 'unknown' | 'error';

/** A placeholder in a chapter, or a chapter that could not be rendered. */
export interface TemplateGap {
  chapter: string;
  lang: Lang;
  line: number;
  kind: GapKind;
  /** the variable as bound (profile.lon_range), or the template error */
  path: string;
  /** the text shown in the document */
  text: string;
}

/** A value the plan does not have. Renders as its text; filters pass it through unchanged. */
export class Placeholder extends Drop {
  constructor(readonly path: string, readonly kind: 'unset' | 'unknown', readonly text: string, private readonly lang: Lang) {
    super();
  }

  override valueOf(): string {
    return this.text;
  }

  override toString(): string {
    return this.text;
  }

  /** Reading into a placeholder gives a placeholder (an unknown a.b.c stays one marker, not a crash). */
  override liquidMethodMissing(key: string | number): Placeholder {
    return this.kind === 'unset' ? this : unknownPlaceholder(`${this.path}.${key}`, this.lang);
  }
}

export function unsetPlaceholder(path: string, labelKey: string, lang: Lang): Placeholder {
  const t = tFor(lang);
  return new Placeholder(path, 'unset', t('document:placeholder.unset', { label: t(`domain:field.${labelKey}`, { defaultValue: path }) }), lang);
}

export function unknownPlaceholder(path: string, lang: Lang): Placeholder {
  return new Placeholder(path, 'unknown', tFor(lang)('document:placeholder.unknown', { path }), lang);
}

/** Characters of `s` matched literally inside a RegExp (outside and inside a character class). */
const asLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

const repeatedUnit = new Map<Lang, RegExp>();

/**
 * A placeholder whose label ends with a unit, as 【待填：地区生产总值增速（%）】 or [to fill: GDP growth (%)],
 * stands for the value with its unit. The unit a template writes after the value ("增长 {{ … }}%")
 * is left out when the value is missing, so the text reads 【待填：地区生产总值增速（%）】, not
 * 【待填：地区生产总值增速（%）】%. Only the very unit of the label, right after the placeholder (one space
 * between at most) and not followed by a letter or digit, is dropped.
 */
export function withoutRepeatedUnits(text: string, lang: Lang): string {
  let re = repeatedUnit.get(lang);
  if (!re) {
    const [open, close] = tFor(lang)('document:placeholder.unset', { label: '\u0000', interpolation: { escapeValue: false } }).split('\u0000');
    re = new RegExp(`(${asLiteral(open)}[^${asLiteral(close)}]*?[（(]([^（）()]+)[）)]${asLiteral(close)})[ \u00a0]?\\2(?![\\p{L}\\p{N}])`, 'gu');
    repeatedUnit.set(lang, re);
  }
  return text.replace(re, '$1');
}

export function templateErrorText(line: number, detail: string, lang: Lang): string {
  return tFor(lang)('document:placeholder.error', { line, detail });
}

/** True for a value a chapter would show as a placeholder. */
export function isUnset(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && !Number.isFinite(v));
}

// Names Liquid itself asks objects for (to convert values, to detect promises and iterators, and
// for its size / first / last properties): these are answered truthfully, never with a placeholder.
const RESERVED = new Set(['toLiquid', 'then', 'next', 'throw', 'return', 'size', 'first', 'last', 'valueOf', 'toString', 'toJSON']);

/**
 * A read-only view of the template scope in which a name the data does not have reads as an
 * "unknown" placeholder instead of undefined. Objects are wrapped lazily as they are reached
 * (arrays as copies of wrapped elements, so filters keep real arrays), and loop variables
 * (a stage of f.exploration.stages) are covered as well.
 */
export function lenientScope<T extends object>(scope: T, lang: Lang, onUnknown: (path: string) => void): T {
  const proxies = new WeakMap<object, unknown>();
  const wrapValue = (v: unknown, path: string): unknown => {
    if (v === null || typeof v !== 'object' || v instanceof Drop) return v;
    let w = proxies.get(v);
    if (w !== undefined) return w;
    w = Array.isArray(v) ? v.map((x, i) => wrapValue(x, `${path}.${i}`)) : wrapObject(v, path);
    proxies.set(v, w);
    return w;
  };
  const wrapObject = (target: object, base: string): object => {
    const name = (k: string) => (base ? `${base}.${k}` : k);
    const missing = (t: object, k: string | symbol): k is string =>
      typeof k === 'string' && !RESERVED.has(k) && !Object.prototype.hasOwnProperty.call(t, k);
    return new Proxy(target, {
      has: (t, k) => missing(t, k) || Reflect.has(t, k),
      getOwnPropertyDescriptor: (t, k) => (missing(t, k)
        ? { value: undefined, writable: false, enumerable: false, configurable: true }
        : Reflect.getOwnPropertyDescriptor(t, k)),
      get: (t, k, r) => {
        if (typeof k !== 'string' || RESERVED.has(k)) return Reflect.get(t, k, r);
        if (missing(t, k)) {
          onUnknown(name(k));
          return unknownPlaceholder(name(k), lang);
        }
        return wrapValue(Reflect.get(t, k, r), name(k));
      },
    });
  };
  return wrapValue(scope, '') as T;
}

/**
 * The placeholders a parsed chapter binds outside its loops, found by reading the template:
 * each global variable path is followed through the (plain) scope; one that ends on a
 * placeholder or on nothing is a gap on that line.
 */
export function staticGaps(engine: Liquid, parsed: Template[], scope: object, lang: Lang): { line: number; kind: 'unset' | 'unknown'; path: string; text: string }[] {
  const out: { line: number; kind: 'unset' | 'unknown'; path: string; text: string }[] = [];
  let analysis;
  try {
    analysis = engine.analyzeSync(parsed, { partials: false });
  } catch {
    return out;
  }
  for (const vars of Object.values(analysis.globals)) {
    for (const v of vars) {
      let cur: unknown = scope;
      const seen: string[] = [];
      for (const seg of v.segments) {
        if (typeof seg !== 'string' && typeof seg !== 'number') break; // a computed segment: not followed
        if (cur instanceof Placeholder) break;
        if (Array.isArray(cur) && (seg === 'size' || seg === 'first' || seg === 'last')) { cur = 0; break; }
        if (cur === null || typeof cur !== 'object') break;
        seen.push(String(seg));
        cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string | number, unknown>)[seg] : undefined;
        if (cur === undefined) break;
      }
      const literal = v.segments.every((x) => typeof x === 'string' || typeof x === 'number');
      const path = (cur === undefined && literal ? v.segments : seen).join('.');
      if (cur instanceof Placeholder) out.push({ line: v.location.row, kind: cur.kind, path: cur.path, text: cur.text });
      else if (cur === undefined && seen.length) out.push({ line: v.location.row, kind: 'unknown', path, text: unknownPlaceholder(path, lang).text });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The first line of `source` that mentions the last part of `path` (for gaps found only while rendering). */
export function lineMentioning(source: string, path: string): number {
  const last = path.includes(' ') ? path : path.split('.').pop() ?? path;
  const lines = source.split('\n');
  const i = lines.findIndex((l) => l.includes(last));
  return i >= 0 ? i + 1 : 0;
}
