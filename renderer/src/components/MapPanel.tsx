// The sketch map beside the zone and block tables: drawn by the studio (maps.render) from the corner
// points as they are now, redrawn after each edit, undo or redo; hover a block for its name and
// area, click it to select its row.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ApiError } from '../api.ts';
import type { Lang } from '../types.ts';
import { safeSvg } from './map-svg.ts';

export const MAP_TYPES = ['distribution', 'status', 'plan'] as const;
export type MapType = (typeof MAP_TYPES)[number];

/** What a click on the map points at: the row of its feature and, for a corner-point block, the block. */
export interface MapPick { table: string; id: number; blockId: number | null }

interface Props {
  lang: Lang;
  /** bumps when the plan's data changed: the map is drawn again */
  version: number;
  /** the row whose feature is outlined */
  selected?: { table: string; id: number } | null;
  onPick: (p: MapPick) => void;
}

// the map type chosen last, for the rest of the visit
let lastType: MapType = 'distribution';

export function MapPanel({ lang, version, selected, onPick }: Props) {
  const { t } = useTranslation();
  const [type, setTypeState] = useState<MapType>(lastType);
  const [error, setError] = useState('');
  const [drawn, setDrawn] = useState(0);
  const [tip, setTip] = useState<{ name: string; area: string | null; x: number; y: number } | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const setType = (v: MapType) => { lastType = v; setTypeState(v); };
  // 1 = the map fits the panel's width; larger scales scroll within the panel
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    const svg = holder.current?.querySelector('svg');
    if (svg) svg.style.width = `${zoom * 100}%`;
  }, [zoom, drawn]);

  useEffect(() => {
    const mine = ++seq.current;
    // edits come in bursts (typing, pasting): the map is drawn once they pause
    const timer = setTimeout(() => {
      call<{ svg: string }>('maps.render', { type, lang })
        .then((r) => {
          if (mine !== seq.current || !holder.current) return; // a newer drawing is on its way
          const svg = safeSvg(r.svg);
          if (!svg) throw new Error(t('map.unreadable'));
          holder.current.replaceChildren(svg);
          setError('');
          setTip(null);
          setDrawn((n) => n + 1);
        })
        .catch((e: unknown) => { if (mine === seq.current) setError(e instanceof ApiError || e instanceof Error ? e.message : String(e)); });
    }, version === 0 ? 0 : 250);
    return () => clearTimeout(timer);
  }, [type, lang, version, t]);

  // the selected row's feature outlined
  useEffect(() => {
    const root = holder.current;
    if (!root) return;
    for (const el of root.querySelectorAll('.selected')) el.classList.remove('selected');
    if (!selected) return;
    const sel = selected.table === 'blocks'
      ? `[data-block="${selected.id}"]`
      : `[data-table="${selected.table}"][data-id="${selected.id}"]`;
    for (const el of root.querySelectorAll(sel)) el.classList.add('selected');
  }, [selected?.table, selected?.id, drawn]);

  const featureAt = (target: EventTarget | null) => (target instanceof Element ? target.closest('[data-table][data-id]') : null);

  return (
    <section className="map-panel" data-testid="map-panel">
      <div className="map-head">
        <strong>{t('map.title')}</strong>
        <div className="map-types" role="radiogroup" aria-label={t('map.type')}>
          {MAP_TYPES.map((m) => (
            <button key={m} role="radio" aria-checked={type === m} className={type === m ? 'active' : ''} onClick={() => setType(m)} data-testid={`map-type-${m}`}>
              {t(`map.types.${m}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="map-zoom">
        <button onClick={() => setZoom((z) => Math.max(1, z / 1.5))} disabled={zoom <= 1} title={t('map.zoomOut')} aria-label={t('map.zoomOut')} data-testid="map-zoom-out">−</button>
        <button onClick={() => setZoom(1)} disabled={zoom === 1} data-testid="map-zoom-fit">{t('map.fit')}</button>
        <button onClick={() => setZoom((z) => Math.min(6, z * 1.5))} disabled={zoom >= 6} title={t('map.zoomIn')} aria-label={t('map.zoomIn')} data-testid="map-zoom-in">+</button>
        <span className="muted">{Math.round(zoom * 100)}%</span>
      </div>
      {error && <div className="grid-error" role="alert" data-testid="map-error">{error}</div>}
      <div className="map-canvas">
        <div ref={holder} className="map-svg" data-testid="map-svg" data-drawn={drawn}
          onMouseMove={(e) => {
            const f = featureAt(e.target);
            if (!f) { setTip(null); return; }
            const box = e.currentTarget.getBoundingClientRect();
            const area = f.getAttribute('data-area');
            setTip({ name: f.getAttribute('data-name') || t('map.boundary'), area: area ? t('map.area', { area }) : null, x: e.clientX - box.left, y: e.clientY - box.top });
          }}
          onMouseLeave={() => setTip(null)}
          onClick={(e) => {
            const f = featureAt(e.target);
            if (!f) return;
            const block = f.getAttribute('data-block');
            onPick({ table: f.getAttribute('data-table')!, id: Number(f.getAttribute('data-id')), blockId: block ? Number(block) : null });
          }} />
        {tip && (
          <div className="map-tip" role="tooltip" data-testid="map-tip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
            <strong>{tip.name}</strong>{tip.area && <span> · {tip.area}</span>}
          </div>
        )}
      </div>
      <p className="muted hint">{t('map.hint')}</p>
    </section>
  );
}
