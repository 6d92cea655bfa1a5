// Files without typed paths in the browser: a chosen or dropped file is sent to the studio (it lands
// in the workspace's uploads), and a file the studio wrote comes back as a download the browser saves.
import { call } from './api.ts';

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Sends a file the user chose or dropped; returns where the studio keeps it. */
export async function uploadFile(f: File): Promise<string> {
  const r = await call<{ file: string }>('files.upload', { name: f.name, data: toBase64(await f.arrayBuffer()) });
  return r.file;
}

/** Saves a file the studio wrote through the browser's download (the user picks the folder and name there). */
export async function downloadFile(file: string, saveAs?: string): Promise<void> {
  const r = await call<{ name: string; data: string }>('files.download', { file });
  const bin = atob(r.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = saveAs || r.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** In the desktop app: the native dialogs (through the studio's API); the browser has none. */
export const isDesktop = (): boolean => typeof window !== 'undefined' && !!window.gmp;

export async function chooseNative(kind: 'openPlan' | 'importFile' | 'savePlan' | 'exportFolder', defaultName?: string): Promise<string | null> {
  return call<string | null>('dialog.choose', { kind, ...(defaultName ? { defaultName } : {}) });
}
