// Choose a file or drop it here: the served UI needs no typed path.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../files.ts';

export function FileDrop({ accept, onFile, onError, testId }: { accept: string; onFile: (path: string, name: string) => void; onError: (m: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
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
    <label className={`file-drop ${over ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop} data-testid={`${testId}-drop`}>
      <input type="file" accept={accept} onChange={(e) => { void send(e.target.files?.[0]); e.target.value = ''; }} data-testid={`${testId}-file`} />
      <span>{t('files.chooseOrDrop')}</span>
    </label>
  );
}
