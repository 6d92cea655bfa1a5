// Export formats and languages as the user names them (light: no renderer is loaded here).
import { GmpError } from '../domain/errors.ts';
import { LANGS, type Lang } from '../domain/vocabulary.ts';

export const FORMATS = ['docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface ExportRequest {
  lang: Lang;
  formats: Format[];
  outDir: string;
  /** file name without extension; default: the plan title */
  baseName?: string;
  /** the stage under way and the fraction of the whole export done (0 to 1) */
  onProgress?: (stage: string, fraction: number) => void;
}

export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) throw new GmpError('export.bad_format', { format: f });
  if (!formats.length) throw new GmpError('export.bad_format', { format: list });
  return formats as Format[];
}

export function parseLang(s: string): Lang {
  if (!(LANGS as readonly string[]).includes(s)) throw new GmpError('export.bad_lang', { lang: s });
  return s as Lang;
}

