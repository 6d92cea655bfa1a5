// A path as people paste it: Windows Explorer's "Copy as path" wraps it in double quotes, and a
// copied line often carries spaces or a line break around it. Those are not part of the path.
export function unquotePath(p: string): string {
  const s = p.trim();
  const m = /^"(.*)"$/s.exec(s) ?? /^'(.*)'$/s.exec(s) ?? /^“(.*)”$/s.exec(s);
  return m ? m[1].trim() : s;
}
