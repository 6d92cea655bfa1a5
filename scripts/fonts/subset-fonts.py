#!/usr/bin/python3
"""Builds the PDF faces the app ships (main/export/pdf/fonts/) from Debian's font packages:
    apt-get install fonts-noto-cjk fonts-arphic-ukai fonts-liberation2 python3-fonttools
    /usr/bin/python3 scripts/fonts/subset-fonts.py     (after npm install: 黑体 comes from node_modules)
Roles (GB/T 9704): serif body 仿宋/宋 (Noto Serif CJK SC), 楷体 (AR PL UKai CN), Latin text and digits
(Liberation Serif, metric-compatible with the Word file's Times New Roman); 黑体 (Regular and Medium) is
cut from the Noto Sans Hans that ships in @embedpdf/fonts-sc (the full face stays the fallback for
characters beyond the subsets). The CJK faces are stored with TrueType outlines (converted from CFF,
quadratic curves within 1 unit of the cubic ones, same metrics): fontkit subsets a TrueType face per
glyph, where a CFF face costs a fixed 0.2 s or more per export. Each CJK face is cut to the GB 2312 hanzi (levels 1-2, 6,763), the
characters of the seed plan, templates, locales and sample data, and CJK/Latin punctuation; the Latin
face to Latin-1 and the symbols plans use. Subsets are Modified Versions under their licences, so
their family names are changed (no Reserved Font Name is kept); the licences ship beside them."""
import glob, os, sys
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'main', 'export', 'pdf', 'fonts')

def gb2312_hanzi():
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try: out.append(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError: pass
    return out

def gb2312_symbols():
    out = []
    for hi in range(0xA1, 0xAA):
        for lo in range(0xA1, 0xFF):
            try: out.append(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError: pass
    return out

def project_text():
    text = []
    pats = ['templates/**/*.md', 'locales/**/*.json', 'main/sample/*.ts', 'main/domain/*.json', 'main/domain/*.ts', 'main/document/**/*.ts']
    for pat in pats:
        for f in glob.glob(os.path.join(ROOT, pat), recursive=True):
            text.append(open(f, encoding='utf8').read())
    seeds = os.environ.get('GMP_SEED_DIR', os.path.join(ROOT, '..', '..', 'shared', 'seeds'))
    for f in glob.glob(os.path.join(seeds, '*.txt')):
        text.append(open(f, encoding='utf8').read())
    return ''.join(text)

# Rare place-name characters of Inner Mongolia plans, kept even when no file above holds them.
RARE = '圪淖壕赉嘎旮旯坨塄梁峁墕堰渠沟湾圐圙卜尔乌兰呼和浩特鄂伊霍洛旗准格尔杭锦乌审达拉特托克前后苏木嘎查'

def ranges(*pairs):
    return [chr(c) for a, b in pairs for c in range(a, b + 1)]

LATIN = ranges((0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203A), (0x2070, 0x2079), (0x2080, 0x2089),
               (0x2103, 0x2103), (0x2116, 0x2116), (0x2122, 0x2122), (0x2160, 0x216B), (0x2190, 0x2193),
               (0x2212, 0x2212), (0x2248, 0x2248), (0x2260, 0x2265), (0x0152, 0x0153), (0x0160, 0x0161), (0x0178, 0x017E),
               (0x0100, 0x017F), (0x02C6, 0x02C7), (0x02D8, 0x02DD), (0x0391, 0x03C9))
CJK_PUNCT = ranges((0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFF5F, 0xFF65), (0xFFE0, 0xFFE6), (0x2460, 0x2473), (0x2474, 0x249B),
                   (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x2606), (0x3220, 0x3229), (0x3231, 0x3231), (0x33A1, 0x33A1))

def to_truetype(font):
    """CFF outlines to TrueType ones (fontTools' otf2ttf snippet): quadratic curves within 1 unit."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quad = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        quad[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = quad
    del font['CFF ']
    if 'VORG' in font: del font['VORG']
    glyf.compile(font)
    hmtx = font['hmtx']
    for name, g in glyf.glyphs.items():
        if hasattr(g, 'xMin'): hmtx[name] = (hmtx[name][0], g.xMin)
    font['maxp'] = maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for k in ('maxZones',): setattr(maxp, k, 1)
    for k in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions'): setattr(maxp, k, 0)
    maxp.maxComponentElements = max([len(getattr(g, 'components', [])) for g in glyf.glyphs.values()] + [0])
    maxp.compile(font)
    post = font['post']
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'

def cut(src, number, chars, out, family, layout=True, style='Regular'):
    font = TTFont(src, fontNumber=number, lazy=False)
    cmap = font.getBestCmap()
    unicodes = sorted({ord(c) for c in chars if ord(c) in cmap})
    opts = subset.Options()
    opts.layout_features = ['kern', 'liga', 'vert', 'vrt2', 'locl'] if layout else []
    opts.name_IDs = ['*']
    opts.name_languages = ['*']
    opts.notdef_outline = True
    opts.hinting = False
    opts.desubroutinize = False
    s = subset.Subsetter(opts)
    s.populate(unicodes=unicodes)
    s.subset(font)
    name = font['name']
    ps = family.replace(' ', '')
    for rec in list(name.names):
        if rec.nameID in (1, 16): rec.string = family
        elif rec.nameID in (2, 17): rec.string = style
        elif rec.nameID == 4: rec.string = family + ' ' + style
        elif rec.nameID == 6: rec.string = ps + '-' + style
        elif rec.nameID == 3: rec.string = ps + '-' + style + ';subset'
    if 'CFF ' in font:
        cff = font['CFF ']
        cff.cff.fontNames = [ps + '-' + style]
        if out.endswith('.ttf'): to_truetype(font)
    font.save(out)
    missing = [c for c in chars if ord(c) not in cmap and c.strip()]
    print(f'{os.path.basename(out)}: {len(unicodes)} characters, {os.path.getsize(out) // 1024} KB; '
          f'{len(missing)} requested characters not in the source face')
    return missing

def main():
    os.makedirs(OUT, exist_ok=True)
    text = project_text()
    han = set(gb2312_hanzi()) | set(gb2312_symbols()) | set(RARE) | set(CJK_PUNCT) | set(LATIN)
    han |= {c for c in text if ord(c) >= 0x2E80}
    cjk = ''.join(sorted(han))
    if os.environ.get('GMP_LATIN_ONLY'): return latin_faces()
    cut('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 2, cjk, os.path.join(OUT, 'GmpSerifSC-Regular.ttf'), 'GMP Serif SC')
    hei = os.path.join(ROOT, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts')
    cut(os.path.join(hei, 'NotoSansHans-Regular.otf'), 0, cjk, os.path.join(OUT, 'GmpSansSC-Regular.ttf'), 'GMP Sans SC')
    cut(os.path.join(hei, 'NotoSansHans-Medium.otf'), 0, cjk, os.path.join(OUT, 'GmpSansSC-Medium.ttf'), 'GMP Sans SC', style='Medium')
    miss = cut('/usr/share/fonts/truetype/arphic/ukai.ttc', 0, cjk, os.path.join(OUT, 'GmpKaiCN-Regular.ttf'), 'GMP Kai CN', layout=False)
    rare_missing = [c for c in RARE if c in miss]
    if rare_missing: print('kai face lacks rare characters:', ''.join(rare_missing))
    latin_faces()

def latin_faces():
    latin = ''.join(LATIN)
    cut('/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', 0, latin, os.path.join(OUT, 'GmpLatinSerif-Regular.ttf'), 'GMP Latin Serif')
    cut('/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf', 0, latin, os.path.join(OUT, 'GmpLatinSerif-Bold.ttf'), 'GMP Latin Serif Bold')
    cut('/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf', 0, latin, os.path.join(OUT, 'GmpLatinSerif-Italic.ttf'), 'GMP Latin Serif Italic')

if __name__ == '__main__':
    sys.exit(main())
