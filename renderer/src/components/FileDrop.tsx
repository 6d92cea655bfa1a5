// Choose a file or drop it here: the served UI needs no typed path. The browser's own file input
// labels itself in the browser's language ("Choose file / No file chosen"), so it stays hidden and
// a button in the studio's language opens it.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../files.ts';

export function FileDrop({ accept, onFile, onError, testId }: { accept: string; onFile: (path: string, name: string) => void; onError: (m: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const send = async (f: File | undefined) => {
    if (!f) return;
    try {
      onFile(await uploadFile(f), f.name);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };
  return (
    <div className={`file-drop ${over ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop} data-testid={`${testId}-drop`}>
      <input ref={input} type="file" accept={accept} hidden tabIndex={-1} onChange={(e) => { void send(e.target.files?.[0]); e.target.value = ''; }} data-testid={`${testId}-file`} />
      <button type="button" onClick={() => input.current?.click()} data-testid={`${testId}-choose`}>{t('files.choose')}</button>
      <span className="muted">{t('files.orDrop', { types: accept.split(',').join(' ') })}</span>
    </div>
  );
}
