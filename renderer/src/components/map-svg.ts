// The studio's sketch map (SVG text from maps.render) made into DOM nodes that can do nothing but
// draw: parsed as XML, then only the drawing elements and presentation attributes below are kept
// (no script, no foreignObject, no links, no event handlers, no style), so it is safe under the
// strict CSP and whatever a mine's name holds. Its classes are prefixed "map-" so that no rule of
// the page's stylesheet reaches into it.

const ELEMENTS = new Set(['svg', 'g', 'rect', 'polygon', 'polyline', 'circle', 'ellipse', 'line', 'path', 'text', 'tspan']);
const ATTRIBUTES = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points', 'd',
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-opacity', 'opacity',
  'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'transform', 'class',
  'data-table', 'data-id', 'data-block', 'data-name', 'data-area', 'data-map-type', 'data-crs', 'data-zone',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';

function clean(el: Element): void {
  for (const child of [...el.children]) {
    // <title> too: the panel shows its own tooltip
    if (child.namespaceURI !== SVG_NS || !ELEMENTS.has(child.localName)) child.remove();
    else clean(child);
  }
  for (const a of [...el.attributes]) {
    if (!ATTRIBUTES.has(a.name) || /^\s*(javascript|data):/i.test(a.value)) el.removeAttribute(a.name);
  }
  // the map's classes kept apart from the page's (the page's .note would set its notes' size)
  const cls = el.getAttribute('class');
  if (cls) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map((c) => `map-${c}`).join(' '));
}

/** The map as an SVG element of this document, or null when the text is not a well-formed SVG. */
export function safeSvg(text: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length || root.namespaceURI !== SVG_NS || root.localName !== 'svg') return null;
  clean(root);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
