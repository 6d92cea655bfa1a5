// The Word package is zipped once: its parts come from docx's compiler (docx 9.15 keeps it on
// Packer) rather than from unzipping what Packer zipped. Same parts, same bytes, as the slow path.
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { docxCompiler, packageFiles } from '../../main/export/docx/pack.ts';
import { splicePackage, zipPackage, PLACEHOLDER } from '../../main/export/docx/table-xml.ts';
import { zipFiles } from '../../main/export/docx/zip.ts';
import { tmpDir } from './helpers.ts';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const sample = () => new Document({
  sections: [{ children: [new Paragraph({ children: [new TextRun('第一章　总则')] }), new Paragraph({ children: [new TextRun(PLACEHOLDER(0))] })] }],
});

describe('the Word package', () => {
  it('takes its parts from docx’s compiler, the same parts and bytes as Packer zips', async () => {
    expect(docxCompiler()).not.toBeNull();
    const fast = await packageFiles(sample());
    const slow = unzipSync(await Packer.toBuffer(sample()));
    expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
    // document.xml carries fresh ids per build; every other part is byte for byte the same
    for (const name of Object.keys(slow)) {
      if (name === 'word/document.xml' || name === 'docProps/core.xml') continue;
      expect(Buffer.from(fast[name]).equals(Buffer.from(slow[name])), name).toBe(true);
    }
  });

  it('splices the tables in and zips once, images stored as they are', async () => {
    const files = await packageFiles(sample());
    files['word/media/x.png'] = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const zip = zipPackage(splicePackage(files, ['<w:tbl><w:tr><w:tc><w:p><w:r><w:t>C1500002009000000110866</w:t></w:r></w:p></w:tc></w:tr></w:tbl>']));
    const back = unzipSync(zip);
    const doc = Buffer.from(back['word/document.xml']).toString('utf8');
    expect(doc).toContain('C1500002009000000110866');
    expect(doc).not.toContain(PLACEHOLDER(0));
    expect(Buffer.from(back['word/fontTable.xml']).toString('utf8')).toContain('方正小标宋简体');
    // stored, not deflated: the PNG's bytes appear as they are in the zip
    expect(Buffer.from(zip).includes(Buffer.from([137, 80, 78, 71, 1, 2, 3]))).toBe(true);
  });

  it('zips with zlib: every part back byte for byte, XML deflated, pictures stored, names in UTF-8, readable by unzip', () => {
    const xml = new TextEncoder().encode(`<w:document>${'<w:p><w:r><w:t>采矿权 C1500002009000000110866</w:t></w:r></w:p>'.repeat(2000)}</w:document>`);
    const png = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    png.set([137, 80, 78, 71, 13, 10, 26, 10]);
    const files = { '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': xml, 'word/media/图1.png': png, 'word/empty.xml': new Uint8Array(0) };
    const zip = zipFiles(files, new Date(2026, 10, 25, 16, 20, 10));
    const back = unzipSync(new Uint8Array(zip));
    expect(Object.keys(back).sort()).toEqual(Object.keys(files).sort());
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(back[name]).equals(Buffer.from(data)), name).toBe(true);
    expect(zip.length).toBeLessThan(xml.length / 10 + png.length + 1000); // the XML deflated
    expect(zip.includes(Buffer.from(png.subarray(0, 64)))).toBe(true); // the picture stored as it is
    const dir = tmpDir('gmp-zip-');
    fs.writeFileSync(path.join(dir, 'p.docx'), zip);
    const listing = execFileSync('unzip', ['-tq', path.join(dir, 'p.docx')], { encoding: 'utf8' });
    expect(listing).toMatch(/No errors detected/);
  });
});

