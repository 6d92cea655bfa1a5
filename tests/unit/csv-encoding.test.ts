// A CSV's encoding: a file with a UTF-8 byte-order mark is UTF-8 (as decodeText takes it): a byte
// deep inside that is not UTF-8 makes it refused as not readable text, never imported garbled as
// GB18030; without the mark, a file that is not valid UTF-8 is GB18030 (offices' Excel exports).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSheets } from '../../main/import/read-sheets.ts';
import { tmpDir } from './helpers.ts';

describe('the encoding of a CSV', () => {
  it('is UTF-8 when the file says so with its mark: a bad byte later is refused, not read as GB18030', async () => {
    const dir = tmpDir('gmp-csv-enc-');
    const file = path.join(dir, 'bom.csv');
    const rows = ['矿山名称,开采矿种', ...Array.from({ length: 20_000 }, (_, i) => `示例矿 ${i},煤`)].join('\n');
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows, 'utf8')]);
    fs.writeFileSync(file, body);
    const [sheet] = await readSheets(file);
    expect(sheet.rows[0]).toEqual(['矿山名称', '开采矿种']);
    expect(sheet.rows[20_000]).toEqual(['示例矿 19999', '煤']);
    fs.writeFileSync(file, Buffer.concat([body, Buffer.from([0x0a, 0xff, 0x2c, 0x31, 0x0a])]));
    await expect(readSheets(file)).rejects.toMatchObject({ code: 'import.not_text' });
  });

  it('is GB18030 without the mark when the bytes are not UTF-8', async () => {
    const dir = tmpDir('gmp-csv-enc-');
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(file, iconv.encode('矿山名称,开采矿种\n示例矿,煤\n', 'gb18030'));
    const [sheet] = await readSheets(file);
    expect(sheet.rows[1]).toEqual(['示例矿', '煤']);
  });
});
