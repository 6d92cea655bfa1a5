// A missing value's placeholder names its unit (【待填：地区生产总值增速（%）】): the unit the template
// writes after the value is not printed again, in any chapter, in either language.
import { describe, expect, it } from 'vitest';
import { composeChapters } from '../../main/compose/compose.ts';
import { appendixLabelFor } from '../../main/compose/catalog.ts';
import { withoutRepeatedUnits } from '../../main/compose/placeholders.ts';
import { samplePlan } from './helpers.ts';

describe('a placeholder followed by its unit', () => {
  it('does not repeat the unit when the sample plan lacks its GDP figures', async () => {
    const { data } = await samplePlan();
    const lacking = { ...data, profile: { ...data.profile, gdp_growth_pct: { zh: '', en: '' }, population_10k: { zh: '', en: '' }, gdp_100m_yuan: { zh: '', en: '' } } };
    const zh = composeChapters(lacking, 'zh', appendixLabelFor(lacking, 'zh')).map((c) => c.markdown).join('\n');
    expect(zh).toContain('【待填：地区生产总值增速（%）】');
    expect(zh).not.toContain('【待填：地区生产总值增速（%）】%');
    expect(zh).toContain('【待填：常住人口（万人）】');
    expect(zh).not.toMatch(/【待填：常住人口（万人）】\s?万人/);
    expect(zh).not.toMatch(/【待填：地区生产总值（亿元）】\s?亿元/);
    const en = composeChapters(lacking, 'en', appendixLabelFor(lacking, 'en')).map((c) => c.markdown).join('\n');
    expect(en).toContain('[to fill: GDP growth (%)]');
    expect(en).not.toContain('[to fill: GDP growth (%)]%');
    // with the figures entered, the units are printed as the template writes them
    const full = composeChapters(data, 'zh', appendixLabelFor(data, 'zh')).map((c) => c.markdown).join('\n');
    expect(full).toMatch(/比上年增长 [\d.]+%/);
  });

  it('drops only the label’s own unit, right after the placeholder', () => {
    expect(withoutRepeatedUnits('增长 【待填：地区生产总值增速（%）】%。', 'zh')).toBe('增长 【待填：地区生产总值增速（%）】。');
    expect(withoutRepeatedUnits('【待填：面积(km²)】 km²，', 'zh')).toBe('【待填：面积(km²)】，');
    // a longer word beginning with the unit, another unit, or a value stay as written
    expect(withoutRepeatedUnits('【待填：金额（万）】万元', 'zh')).toBe('【待填：金额（万）】万元');
    expect(withoutRepeatedUnits('[to fill: resident population (10,000)] thousand', 'en')).toBe('[to fill: resident population (10,000)] thousand');
    expect(withoutRepeatedUnits('增长 5.2%，【待填：行政区面积】km²', 'zh')).toBe('增长 5.2%，【待填：行政区面积】km²');
  });
});
