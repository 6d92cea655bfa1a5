// Heading numbers belong to the document builder, never to template text.
// Chinese: 第一章 / 第一节 / 一、/（一）/ 1. /（1）; English: Chapter 1 / 1.1 / 1.1.1 …
import type { Lang } from '../domain/vocabulary.ts';
import { chineseNumeral } from '../compose/filters.ts';

export class HeadingNumberer {
  private counters = [0, 0, 0, 0, 0, 0, 0];
  constructor(private readonly lang: Lang) {}

  /** Advances the counter of `level` (1..6) and returns the heading's number. */
  next(level: number): string {
    this.counters[level] += 1;
    for (let l = level + 1; l < this.counters.length; l++) this.counters[l] = 0;
    const n = this.counters[level];
    if (this.lang === 'zh') {
      switch (level) {
        case 1: return `第${chineseNumeral(n)}章`;
        case 2: return `第${chineseNumeral(n)}节`;
        case 3: return `${chineseNumeral(n)}、`;
        case 4: return `（${chineseNumeral(n)}）`;
        case 5: return `${n}.`;
        default: return `（${n}）`;
      }
    }
    if (level === 1) return `Chapter ${n}`;
    const parts = this.counters.slice(1, level + 1).filter((x, i) => x > 0 || i === 0);
    return parts.join('.');
  }
}

/** How a number and a heading text are joined. */
export function joinNumber(number: string, text: string, lang: Lang): string {
  if (!number) return text;
  if (lang === 'zh') return /[、）.]$/.test(number) ? `${number}${text}` : `${number}　${text}`;
  return `${number}${number.startsWith('Chapter') ? ' ' : ' '}${text}`;
}

/** "附表 1　矿山名录" / "Appendix Table 1 Mines": a full-width space only in Chinese. */
export function captionText(label: string, title: string, lang: Lang): string {
  return `${label}${lang === 'zh' ? '　' : ' '}${title}`;
}
