// A table cell's text is escaped as every other paragraph of the Word file (paragraph-xml.ts
// escapeXml): markup characters escaped, and the C0 control characters XML 1.0 cannot hold (a
// pasted cell may carry them) dropped, so the file stays well-formed.
import { describe, expect, it } from 'vitest';
import { tableXml } from '../../main/export/docx/table-xml.ts';
import type { TableBlock } from '../../main/document/ir.ts';

describe('a table cell in the Word file', () => {
  it('holds markup characters escaped and no control characters', () => {
    const t: TableBlock = {
      kind: 'table', id: 't', key: 't', label: '附表 1', title: '测试', landscape: false, appendix: true, notes: [],
      columns: [{ header: '名称 <A&B>', width: 1 }, { header: '备注', width: 1 }],
      rows: [[{ text: '某"矿"\u0007业 & <公司>' }, { text: "O'Neil\u000b" }]],
    };
    const xml = tableXml(t, 9000);
    expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
    expect(xml).toContain('名称 &lt;A&amp;B&gt;');
    expect(xml).toContain('某&quot;矿&quot;业 &amp; &lt;公司&gt;');
    expect(xml).toContain('O&apos;Neil<');
  });
});
