// Parts of the Word package the docx library leaves empty or generic, rewritten after packing:
// - a font table naming the Chinese faces with their alternatives and the GB2312 charset, so Word,
//   WPS and LibreOffice pick Chinese (not Japanese) glyphs and a machine without 方正小标宋简体 or
//   仿宋_GB2312 substitutes a Song/FangSong face;
// - the document's languages (Latin en-US, East Asian zh-CN);
// - paragraph defaults that make lines deterministic in every engine: no widow/orphan control,
//   no hanging punctuation, no automatic spacing between Chinese and Latin text (the PDF engine
//   sets the same lines; see export/pdf);
// - settings asking Word to refresh fields (the TOC) on open.
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface FontEntry { name: string; alt?: string; charset: string; family: 'roman' | 'swiss' | 'modern' | 'auto'; pitch: 'variable' | 'fixed'; panose?: string }

const FONTS: FontEntry[] = [
  { name: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
  { name: '仿宋', alt: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  { name: '仿宋_GB2312', alt: '仿宋', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  { name: '宋体', alt: 'SimSun', charset: '86', family: 'auto', pitch: 'variable', panose: '02010600030101010101' },
  { name: '黑体', alt: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  { name: '楷体', alt: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  { name: '楷体_GB2312', alt: '楷体', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  // The title face of GB/T 9704 is rarely installed: Word falls back to the alternative name, then
  // to the charset and family (a Song face).
  { name: '方正小标宋简体', alt: '华文中宋', charset: '86', family: 'roman', pitch: 'variable', panose: '02010600030101010101' },
  { name: '华文中宋', alt: '宋体', charset: '86', family: 'roman', pitch: 'variable', panose: '02010600040101010101' },
];

export function fontTableXml(): string {
  const fonts = FONTS.map((f) => `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}${f.panose ? `<w:panose1 w:val="${f.panose}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fonts}</w:fonts>`;
}

/** Adds the languages and the deterministic paragraph defaults to styles.xml's docDefaults. */
export function withDefaults(stylesXml: string): string {
  const lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>';
  const para = '<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  let xml = stylesXml;
  xml = xml.replace(/(<w:rPrDefault><w:rPr>)([\s\S]*?)(<\/w:rPr>)/, (_m, a, body, c) => `${a}${body.replace(/<w:lang [^>]*\/>/, '')}${lang}${c}`);
  // pPr children follow the schema's order: widowControl … autoSpaceDN come before spacing/ind/jc
  xml = xml.replace(/(<w:pPrDefault><w:pPr>)/, `$1${para}`);
  return xml;
}

export function withSettings(settingsXml: string): string {
  if (settingsXml.includes('<w:updateFields')) return settingsXml;
  // updateFields belongs after displayBackgroundShape … and before defaultTabStop in CT_Settings
  return settingsXml.replace('<w:defaultTabStop', '<w:updateFields w:val="true"/><w:defaultTabStop');
}
