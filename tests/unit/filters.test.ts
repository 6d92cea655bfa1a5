import { describe, expect, it } from 'vitest';
import { chineseNumeral, chineseYear, formatIssueDate, formatNumber, joinList, rescale, vocabLabel } from '../../main/compose/filters.ts';
import { HeadingNumberer, joinNumber } from '../../main/document/numbering.ts';

describe('template filters', () => {
  it('writes Chinese numerals', () => {
    expect([1, 10, 11, 20, 23, 100, 105, 110, 2035].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十三', '一百', '一百零五', '一百一十', '二千零三十五']);
  });
  it('writes dates as plans do', () => {
    expect(chineseYear(2023)).toBe('二〇二三');
    expect(formatIssueDate('2023-07', 'zh')).toBe('二〇二三年七月');
    expect(formatIssueDate('2023-12', 'zh')).toBe('二〇二三年十二月');
    expect(formatIssueDate('2023-07', 'en')).toBe('July 2023');
  });
  it('groups thousands in English only', () => {
    expect(formatNumber(7026354.67, 2, 'zh')).toBe('7026354.67');
    expect(formatNumber(7026354.67, 2, 'en')).toBe('7,026,354.67');
    expect(formatNumber(5600, undefined, 'en')).toBe('5600');
    expect(formatNumber(null, 2, 'zh')).toBe('/');
  });
  it('joins lists per language', () => {
    expect(joinList(['煤', '天然石英砂', '建筑用石料'], 'zh')).toBe('煤、天然石英砂、建筑用石料');
    expect(joinList(['coal', 'sand', 'stone'], 'en')).toBe('coal, sand and stone');
  });
  it('labels units per language', () => {
    expect(vocabLabel('10kt_a', 'unit', 'zh')).toBe('万吨/年');
    // "300 × 10⁴ t/a": the English unit carries its multiplication sign
    expect(vocabLabel('10km3_a', 'unit', 'en')).toBe('× 10⁴ m³/a');
    expect(vocabLabel('open_pit', 'method', 'en')).toBe('open-pit');
    expect(vocabLabel('regional', 'greenLevel', 'en')).toBe('autonomous-region');
  });

  it('restates 万 and 亿 counts in English units, keeping their precision', () => {
    expect(rescale('25.36', 1, 'en')).toBe('253.6'); // 25.36 万人 → 253.6 thousand
    expect(rescale(990.77, -1, 'en')).toBe('99.077'); // 990.77 亿元 → 99.077 billion yuan
    expect(rescale(3, 1, 'en')).toBe('30');
    expect(rescale(12345, 1, 'en')).toBe('123,450');
    expect(rescale(null, 1, 'en')).toBe('');
  });
});

describe('heading numbering', () => {
  it('numbers Chinese headings 第一章 / 第一节 / 一、/（一）/ 1. /（1）', () => {
    const n = new HeadingNumberer('zh');
    expect(n.next(1)).toBe('第一章');
    expect(n.next(2)).toBe('第一节');
    expect(n.next(3)).toBe('一、');
    expect(n.next(4)).toBe('（一）');
    expect(n.next(4)).toBe('（二）');
    expect(n.next(5)).toBe('1.');
    expect(n.next(6)).toBe('（1）');
    expect(n.next(3)).toBe('二、');
    expect(n.next(4)).toBe('（一）');
    expect(n.next(2)).toBe('第二节');
    expect(n.next(1)).toBe('第二章');
    expect(n.next(3)).toBe('一、');
    expect(joinNumber('第一章', '现状与形势', 'zh')).toBe('第一章　现状与形势');
    expect(joinNumber('一、', '总体要求', 'zh')).toBe('一、总体要求');
  });
  it('numbers English headings Chapter 1 / 1.1 / 1.1.1, skipping absent levels', () => {
    const n = new HeadingNumberer('en');
    expect(n.next(1)).toBe('Chapter 1');
    expect(n.next(2)).toBe('1.1');
    expect(n.next(3)).toBe('1.1.1');
    expect(n.next(1)).toBe('Chapter 2');
    expect(n.next(3)).toBe('2.1');
  });
});
