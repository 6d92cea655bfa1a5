// Shown for any work that takes more than 300 ms: what is running, for how long, and how far it is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe, type BusyState } from '../busy.ts';

export function BusyIndicator() {
  const { t } = useTranslation();
  const [s, setS] = useState<BusyState>({ method: null, fraction: null, since: 0 });
  const [, tick] = useState(0);
  useEffect(() => subscribe(setS), []);
  useEffect(() => {
    if (!s.method) return;
    const i = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(i);
  }, [s.method]);
  if (!s.method) return null;
  const seconds = Math.max(0, (Date.now() - s.since) / 1000);
  return (
    <div className="busy" role="status" aria-live="polite" data-testid="busy">
      <span className="spinner" aria-hidden="true" />
      <span>{t(`busy.${s.method.replace('.', '_')}`, { defaultValue: t('busy.working') })}</span>
      {s.fraction !== null ? <progress max={1} value={s.fraction} /> : <progress />}
      <span className="muted small">{t('busy.seconds', { seconds: seconds.toFixed(1) })}</span>
    </div>
  );
}
