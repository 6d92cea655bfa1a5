// A generated licence register as offices type it (the district fixture's headers), N rows, for the
// import benchmark and the import scale test.
import fs from 'node:fs';

export const LICENCE_HEADER = '序号,采矿许可证号,矿权人,面积（km²）,生产规模,开采矿种,开采方式,首次发证时间,有效期,备注';

export function licenceRow(i: number): string {
  const stone = i % 2 === 0;
  return [
    i + 1, `C15${String(i).padStart(20, '0')}`, `合成建材有限公司${i}`, (0.1 + (i % 50) / 100).toFixed(4),
    stone ? `${5 + (i % 30)}万m3/年` : `${10 + (i % 90)}万吨/年`, stone ? '建筑用石料' : '煤', i % 3 === 0 ? '井下' : '露天',
    '2010.08.07', '2016.01.14-2046.01.14', i % 11 === 0 ? '停产' : '',
  ].join(',');
}

/** Writes the register to `file` line by line (no whole-file string in memory). */
export function writeLicenceCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `某某区采矿权一览表,,,,,,,,,\n${LICENCE_HEADER}\n`);
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      chunk.push(licenceRow(i));
      if (chunk.length === 5000) {
        fs.writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length) fs.writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
}
