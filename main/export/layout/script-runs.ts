// Splits text into runs of one script, as LibreOffice and Word do when they pick a face per
// character: Han, kana, CJK and full-width punctuation take the East Asian face; Basic Latin and
// Latin-1 (letters, digits, ASCII punctuation and the space) the Latin face; other characters
// (general punctuation ′ ’ —, superscripts ⁴, arrows, math signs) are "weak" and go with the
// script before them (or after them, at the start). The PDF sets each run in its role's face, so
// its lines measure what LibreOffice's lines measure.
import { face, type FaceName } from './faces.ts';

export type Script = 'cjk' | 'latin';

function scriptOf(cp: number): Script | null {
  if (cp <= 0x024f) return 'latin';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'latin';
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)
    || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000) return 'cjk';
  return null;
}

export interface ScriptRun {
  text: string;
  script: Script;
}

export function scriptRuns(text: string): ScriptRun[] {
  const chars = [...text];
  const scripts = chars.map((c) => scriptOf(c.codePointAt(0)!));
  let prev: Script | null = null;
  for (let i = 0; i < scripts.length; i++) {
    if (scripts[i]) prev = scripts[i];
    else if (prev) scripts[i] = prev;
  }
  // leading weak characters take the first strong script after them
  const first = scripts.find((s) => s) ?? 'latin';
  const runs: ScriptRun[] = [];
  chars.forEach((c, i) => {
    const s = scripts[i] ?? first;
    const last = runs[runs.length - 1];
    if (last && last.script === s) last.text += c;
    else runs.push({ text: c, script: s });
  });
  return runs;
}

/** The faces of one typographic role: its East Asian face and its Latin face. */
export interface RoleFaces {
  cjk: FaceName;
  latin: FaceName;
}

// the full 黑体 last: characters beyond the bundled subsets
const FALLBACK: FaceName[] = ['serif', 'hei', 'latin', 'heiFull'];

/** Runs with a face each; a character its role's face lacks is drawn by the first face that has it. */
export function faceRuns(text: string, role: RoleFaces): { text: string; font: FaceName }[] {
  const out: { text: string; font: FaceName }[] = [];
  for (const run of scriptRuns(text)) {
    const want = run.script === 'cjk' ? role.cjk : role.latin;
    const wantFace = face(want);
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      let f = want;
      if (!wantFace.has(cp) && cp > 0x20) f = FALLBACK.find((x) => face(x).has(cp)) ?? want;
      const last = out[out.length - 1];
      if (last && last.font === f) last.text += ch;
      else out.push({ text: ch, font: f });
    }
  }
  return out;
}
