// A studio-drawn SVG (a sketch map) shown inline through the sanitiser in map-svg.ts.
import { useEffect, useRef } from 'react';
import { safeSvg } from './map-svg.ts';

export function SafeSvg({ svg, className }: { svg: string; className?: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = safeSvg(svg);
    holder.current?.replaceChildren(...(el ? [el] : []));
  }, [svg]);
  return <div ref={holder} className={className} />;
}
