// A minimal, valid .xlsx whose one sheet has `rows` rows: the "spreadsheet bomb" of the hardening
// tests (5,000,000 rows in a file of about 1 MB), written in well under a second: one block of
// identical rows is deflated once (with a full flush, so it refers to nothing before it) and repeated.
import fs from 'node:fs';
import zlib from 'node:zlib';

const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="许可证" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

interface Entry { name: Buffer; crc: number; size: number; csize: number; offset: number }

/** A zip file of deflated entries, each given as pieces of deflate data that together form one stream. */
function writeZip(file: string, entries: { name: string; pieces: () => Iterable<{ raw: Buffer; deflated: Buffer }> }[]): void {
  const fd = fs.openSync(file, 'w');
  let pos = 0;
  const write = (b: Buffer) => { fs.writeSync(fd, b); pos += b.length; };
  const done: Entry[] = [];
  try {
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      // sizes and CRC follow the data (flag bit 3): the local header is written first
      const offset = pos;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0808, 6); local.writeUInt16LE(8, 8);
      local.writeUInt16LE(name.length, 26);
      write(local); write(name);
      let crc = 0; let size = 0; let csize = 0;
      for (const p of e.pieces()) {
        crc = zlib.crc32(p.raw, crc);
        size += p.raw.length;
        csize += p.deflated.length;
        write(p.deflated);
      }
      const desc = Buffer.alloc(16);
      desc.writeUInt32LE(0x08074b50, 0); desc.writeUInt32LE(crc >>> 0, 4); desc.writeUInt32LE(csize, 8); desc.writeUInt32LE(size, 12);
      write(desc);
      done.push({ name, crc: crc >>> 0, size, csize, offset });
    }
    const cdStart = pos;
    for (const e of done) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(20, 6); h.writeUInt16LE(0x0808, 8); h.writeUInt16LE(8, 10);
      h.writeUInt32LE(e.crc, 16); h.writeUInt32LE(e.csize, 20); h.writeUInt32LE(e.size, 24); h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      write(h); write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(done.length, 8); end.writeUInt16LE(done.length, 10);
    end.writeUInt32LE(pos - cdStart, 12); end.writeUInt32LE(cdStart, 16);
    write(end);
  } finally {
    fs.closeSync(fd);
  }
}

function whole(text: string) {
  return () => {
    const raw = Buffer.from(text, 'utf8');
    return [{ raw, deflated: zlib.deflateRawSync(raw) }];
  };
}

/**
 * Writes the workbook. With `refs` every row and cell carries its reference (as Excel writes them; for
 * small files); without, identical rows (the spec lets readers number them in order) repeat one block.
 */
export function writeXlsxBomb(file: string, rows: number, opts: { refs?: boolean } = {}): void {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B${rows}"/><sheetData>`;
  const tail = '</sheetData></worksheet>';
  const sheet = function* () {
    const flush = (text: string) => {
      const raw = Buffer.from(text, 'utf8');
      return { raw, deflated: zlib.deflateRawSync(raw, { finishFlush: zlib.constants.Z_FULL_FLUSH }) };
    };
    yield flush(head);
    if (opts.refs) {
      let s = '';
      for (let r = 1; r <= rows; r++) s += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>矿${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
      yield flush(s);
    } else {
      const row = '<row><c t="inlineStr"><is><t>矿</t></is></c><c><v>1</v></c></row>';
      const STEP = 50_000;
      const block = flush(row.repeat(STEP));
      for (let i = 0; i + STEP <= rows; i += STEP) yield block;
      if (rows % STEP) yield flush(row.repeat(rows % STEP));
    }
    const raw = Buffer.from(tail, 'utf8');
    yield { raw, deflated: zlib.deflateRawSync(raw) };
  };
  writeZip(file, [
    ...Object.entries(PARTS).map(([name, text]) => ({ name, pieces: whole(text) })),
    { name: 'xl/worksheets/sheet1.xml', pieces: sheet },
  ]);
}
