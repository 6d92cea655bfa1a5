// A docx Document → the package's files, unzipped. docx's Packer zips every part (the maps' PNG
// fallbacks included) and the tables are then spliced into document.xml, which meant inflating and
// deflating the whole package twice. docx 9's Packer compiles the parts with its compiler before
// zipping; taking them from there zips the package once (table-xml.ts zipPackage). If a later docx
// moves its compiler, the packed zip is unzipped instead (same files, slower).
import { Packer, type Document } from 'docx';
import { strToU8, unzipSync } from 'fflate';

interface Compiler { compile(file: Document, prettify?: unknown, overrides?: unknown[]): Map<string, string | Uint8Array | ArrayBuffer> }

/** docx's own compiler, when this docx version has it where 9.15 keeps it. */
export function docxCompiler(): Compiler | null {
  const c = (Packer as unknown as { compiler?: Compiler }).compiler;
  return c && typeof c.compile === 'function' ? c : null;
}

const bytes = (data: string | Uint8Array | ArrayBuffer): Uint8Array => (typeof data === 'string' ? strToU8(data)
  : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

export async function packageFiles(doc: Document): Promise<Record<string, Uint8Array>> {
  const compiler = docxCompiler();
  if (!compiler) return unzipSync(await Packer.toBuffer(doc));
  const out: Record<string, Uint8Array> = {};
  // a path given twice keeps its last data, as docx's zipFiles does
  for (const [path, data] of compiler.compile(doc, undefined, [])) out[path] = bytes(data);
  return out;
}
