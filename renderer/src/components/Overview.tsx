import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import type { Summary } from '../types.ts';

const FIELDS = ['title_zh', 'title_en', 'jurisdiction_zh', 'jurisdiction_en', 'issuer_zh', 'issue_date', 'base_year', 'period_start', 'period_end', 'near_year', 'far_year'];
const NUMERIC = new Set(['base_year', 'period_start', 'period_end', 'near_year', 'far_year']);

export function Overview({ summary, onChanged, focusField }: { summary: Summary; onChanged: () => void; focusField?: string | null }) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const p = summary.plan;
  // after an undo or redo of a setting, its field
  useEffect(() => {
    if (!focusField) return;
    const el = document.querySelector<HTMLInputElement>(`[data-testid=plan-${focusField}]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focusField, summary]);
  const save = async (key: string, value: string) => {
    if (String(p[key] ?? '') === value) return;
    const v = NUMERIC.has(key) ? Number(value) : value;
    if (NUMERIC.has(key) && (!Number.isInteger(v) || (v as number) < 1900 || (v as number) > 2100)) {
      setError(`${t(`plan.${key}`)}: ${value}`);
      return;
    }
    try {
      await call('plan.update', { patch: { [key]: v } });
      setError('');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="overview">
      <dl className="figures">
        <div><dt>{t('overview.mines')}</dt><dd data-testid="fig-mines">{summary.facts.mines}</dd></div>
        <div><dt>{t('overview.coal')}</dt><dd>{summary.facts.coal.count}（{summary.facts.coal.percent}%）</dd></div>
        <div><dt>{t('overview.producing')}</dt><dd>{summary.facts.producing.count}（{summary.facts.producing.percent}%）</dd></div>
        <div><dt>{t('overview.green')}</dt><dd>{summary.facts.green}</dd></div>
      </dl>
      <p className="muted">{t('overview.file')}: {summary.file}</p>
      <h2>{t('overview.edit')}</h2>
      {error && <div className="cell-error" role="alert">{error}</div>}
      <form className="plan-form" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map((k) => (
          <label key={k}>{t(`plan.${k}`)}
            <input defaultValue={String(p[k] ?? '')} onBlur={(e) => void save(k, e.target.value)} data-testid={`plan-${k}`} />
          </label>
        ))}
      </form>
    </div>
  );
}
