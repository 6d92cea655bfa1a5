// (An opening tag is told from a self-closing one, such as a paragraph mark's <w:ins …/>.)
// Accept or reject all tracked changes in a document.xml, as Word's "Accept All" / "Reject All" do,
// and read its text paragraph by paragraph.
export function acceptAll(xml: string): string {
  return settle(xml, 'ins', 'del');
}

export function rejectAll(xml: string): string {
  return settle(xml.replace(/<w:delText([^>]*)>/g, '<w:t$1>').replace(/<\/w:delText>/g, '</w:t>'), 'del', 'ins');
}

function settle(xml: string, keep: 'ins' | 'del', drop: 'ins' | 'del'): string {
  let out = xml;
  // rows dropped whole
  out = out.replace(/<w:tr>(?:(?!<w:tr>).)*?<\/w:tr>/gs, (tr) => (new RegExp(`<w:trPr>(?:(?!</w:trPr>).)*<w:${drop} `).test(tr) ? '' : tr));
  // paragraphs whose mark is dropped and that keep no text
  out = out.replace(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs, (p) => {
    const markDropped = new RegExp(`<w:pPr>(?:(?!</w:pPr>).)*<w:rPr>(?:(?!</w:rPr>).)*<w:${drop} `).test(p);
    if (!markDropped) return p;
    const rest = p.replace(new RegExp(`<w:${drop} [^>]*[^/]>.*?</w:${drop}>`, 'gs'), '');
    return /<w:t[ >]/.test(rest) ? rest : '';
  });
  out = out.replace(new RegExp(`<w:${drop} [^>]*[^/]>.*?</w:${drop}>`, 'gs'), '');
  out = out.replace(new RegExp(`<w:${drop} [^>]*/>`, 'g'), '');
  out = out.replace(new RegExp(`<w:${keep} [^>]*[^/]>`, 'g'), '').replace(new RegExp(`</w:${keep}>`, 'g'), '').replace(new RegExp(`<w:${keep} [^>]*/>`, 'g'), '');
  return out;
}

export function paragraphsText(xml: string): string[] {
  const body = xml.slice(xml.indexOf('<w:body>'));
  return [...body.matchAll(/<w:p[ >](?:(?!<w:p[ >]).)*?<\/w:p>/gs)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((t) => t.length > 0);
}
