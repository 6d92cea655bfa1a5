// How many lines a paragraph takes at a width: the line breaking of pdfmake (TextBreaker, Line,
// LayoutBuilder.buildNextLine) re-done on our own measures, without laying anything out. Words are
// cut where Unicode line breaking allows (the `linebreak` package pdfmake itself uses), each word
// measured as pdfkit measures it (faces.ts width), lines filled greedily, a word wider than a line
// cut at the last character that fits. The PDF draws these lines (pdf/draw-pdf.ts), and the Word
// file has the same widths on the same grid, so both agree (tests/unit/pagination.test.ts).
import { createRequire } from 'node:module';
import { face, type FaceName } from './faces.ts';

const require = createRequire(import.meta.url);
// pdfmake's own copy of the Unicode line breaker, so the break opportunities are the ones it uses
const LineBreaker = createRequire(require.resolve('pdfmake'))('linebreak') as new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

/** A run of text in one face and size (one pdfmake inline). */
export interface Run {
  text: string;
  font: FaceName;
  sizePt: number;
}

interface Word { text: string; lineEnd?: boolean; noNewLine?: boolean; font: FaceName; sizePt: number; width: number; leadingCut: number; trailingCut: number }

const splitCache = new Map<string, { text: string; lineEnd?: boolean }[]>();

function splitWords(text: string): { text: string; lineEnd?: boolean }[] {
  let words = splitCache.get(text);
  if (words) return words;
  words = [];
  if (text.length === 0) words.push({ text: '' });
  else {
    const breaker = new LineBreaker(text);
    let last = 0;
    let bk;
    while ((bk = breaker.nextBreak())) {
      let word = text.slice(last, bk.position);
      if (bk.required || /\r?\n$|\r$/.test(word)) words.push({ text: word.replace(/\r?\n$|\r$/, ''), lineEnd: true });
      else words.push({ text: word });
      last = bk.position;
    }
  }
  if (splitCache.size > 50000) splitCache.clear();
  splitCache.set(text, words);
  return words;
}

const widthOf = (text: string, font: FaceName, sizePt: number) => face(font).width(text) * sizePt;

/** TextBreaker.getBreaks and TextInlines.measure: the words of the runs with their widths. */
function words(runs: Run[], leadingIndent: number): Word[] {
  const out: Word[] = [];
  let lastWord: string | null = null;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    const ws = splitWords(r.text);
    if (lastWord !== null && ws.length && splitWords(lastWord + ws[0].text).length === 1) out[out.length - 1].noNewLine = true;
    for (const w of ws) {
      const width = widthOf(w.text, r.font, r.sizePt);
      const lead = /^\s+/.exec(w.text);
      const trail = /\s+$/.exec(w.text);
      out.push({
        text: w.text, lineEnd: w.lineEnd, font: r.font, sizePt: r.sizePt, width,
        leadingCut: lead ? widthOf(lead[0], r.font, r.sizePt) : 0,
        trailingCut: trail ? widthOf(trail[0], r.font, r.sizePt) : 0,
      });
    }
    const last = ws[ws.length - 1];
    lastWord = i + 1 < runs.length && last && !last.lineEnd ? last.text : null;
  }
  if (out.length && leadingIndent) out[0].leadingCut = -leadingIndent + (out[0].leadingCut || 0);
  return out;
}

/** A piece of one line in one face (the text of the words set there). */
export interface LineSeg {
  text: string;
  font: FaceName;
}

/** A line as set: its pieces per face, its width (indent included, end spaces not), words and whether a newline ended it. */
export interface SetLine {
  segs: LineSeg[];
  width: number;
  words: number;
  forced: boolean;
}

/** Number of lines the runs take at `maxWidth` (pdfmake's buildNextLine, repeated). */
export function countLines(runs: Run[], maxWidth: number, leadingIndent = 0): number {
  return layoutLines(runs, maxWidth, leadingIndent, null);
}

/** The lines the runs take at `maxWidth`, each as its pieces per face (the same breaks countLines counts). */
export function breakLines(runs: Run[], maxWidth: number, leadingIndent = 0): LineSeg[][] {
  return setLines(runs, maxWidth, leadingIndent).map((l) => l.segs);
}

/** The lines the runs take at `maxWidth` with their widths, for drawing them (the same breaks countLines counts). */
export function setLines(runs: Run[], maxWidth: number, leadingIndent = 0): SetLine[] {
  const out: SetLine[] = [];
  layoutLines(runs, maxWidth, leadingIndent, out);
  return out;
}

function layoutLines(runs: Run[], maxWidth: number, leadingIndent: number, collect: SetLine[] | null): number {
  const queue = words(runs, leadingIndent);
  let lines = 0;
  let k = 0;
  while (k < queue.length) {
    const segs: LineSeg[] = [];
    // one line
    let n = 0;
    let inlineWidths = 0;
    let leadingCut = 0;
    let trailingCut = 0;
    let forced = false;
    let forceContinue = false;
    const hasRoom = (w: Word): boolean => {
      if (n === 0) return true;
      if (forced) return false;
      let width = w.width;
      let trail = w.trailingCut;
      if (w.noNewLine) {
        for (let j = k + 1; j < queue.length; j++) {
          width += queue[j].width;
          trail += queue[j].trailingCut;
          if (!queue[j].noNewLine) break;
        }
      }
      return inlineWidths + width - leadingCut - trail <= maxWidth;
    };
    while (k < queue.length && (hasRoom(queue[k]) || forceContinue)) {
      const w = queue[k];
      let hardWrap = false;
      const available = maxWidth - (inlineWidths - leadingCut - trailingCut);
      if (w.text.length > 1 && w.width > available) {
        const fit = maxFit(w.text, available, (t) => widthOf(t, w.font, w.sizePt));
        if (fit < w.text.length) {
          const rest: Word = { ...w, text: w.text.slice(fit), noNewLine: w.noNewLine, leadingCut: w.leadingCut, trailingCut: w.trailingCut };
          rest.width = widthOf(rest.text, w.font, w.sizePt);
          const head: Word = { ...w, text: w.text.slice(0, fit) };
          head.width = widthOf(head.text, w.font, w.sizePt);
          queue.splice(k, 1, head, rest);
          hardWrap = true;
        }
      }
      const cur = queue[k];
      if (collect) {
        const last = segs[segs.length - 1];
        if (last && last.font === cur.font) last.text += cur.text;
        else segs.push({ text: cur.text, font: cur.font });
      }
      if (n === 0) leadingCut = cur.leadingCut || 0;
      trailingCut = cur.trailingCut || 0;
      inlineWidths += cur.width;
      if (cur.lineEnd) forced = true;
      n++;
      k++;
      forceContinue = !!cur.noNewLine && !hardWrap;
    }
    lines++;
    collect?.push({ segs, width: inlineWidths - leadingCut - trailingCut, words: n, forced });
  }
  return lines;
}

/** findMaxFitLength: the longest prefix (at least one character) not wider than `maxWidth`. */
function maxFit(text: string, maxWidth: number, measure: (t: string) => number): number {
  let low = 1;
  let high = text.length;
  let best = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measure(text.substring(0, mid)) <= maxWidth) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}
