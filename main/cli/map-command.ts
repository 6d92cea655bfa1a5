// gmp map: a sketch map through the API (plan.open, maps.render), written atomically as SVG, or as
// PNG at 300 dpi for the map's own size in points.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../api/dispatch.ts';
import { StudioService } from '../api/service.ts';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { RenderedMap } from '../maps/types.ts';
import { buildFileAtomic } from '../files/atomic.ts';

export async function mapViaApi(file: string, type: string, lang: Lang, target: string, uiLang: Lang): Promise<string> {
  if (!/\.gmplan$/i.test(file)) throw new GmpError('project.not_plan', { path: file });
  // a service of its own, whose list of recent plans is thrown away with it
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-map-'));
  const service = new StudioService({ workspace: scratch, configDir: scratch });
  try {
    const call = async <T>(method: string, args: unknown): Promise<T> => {
      const r = await dispatch(service, method, args, uiLang);
      if (!r.ok) throw new GmpError('api.failed', { message: r.error.message });
      return r.result as T;
    };
    await call('plan.open', { file: path.resolve(file) });
    const map = await call<RenderedMap>('maps.render', { type, lang });
    await buildFileAtomic(target, async (tmp) => {
      if (/\.png$/i.test(target)) {
        const { svgToPng } = await import('../maps/raster.ts');
        fs.writeFileSync(tmp, svgToPng(map.svg, map.width, 300));
      } else fs.writeFileSync(tmp, map.svg);
    });
    return target;
  } finally {
    service.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
