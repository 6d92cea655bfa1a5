import { useTranslation } from 'react-i18next';
import { SettingsForm } from './SettingsForm.tsx';
import type { Summary } from '../types.ts';

export function Overview({ summary, onChanged, focusField }: { summary: Summary; onChanged: () => void; focusField?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="overview">
      <dl className="figures">
        <div><dt>{t('overview.mines')}</dt><dd data-testid="fig-mines">{summary.facts.mines}</dd></div>
        <div><dt>{t('overview.coal')}</dt><dd>{t('overview.countShare', { count: summary.facts.coal.count, percent: summary.facts.coal.percent })}</dd></div>
        <div><dt>{t('overview.producing')}</dt><dd>{t('overview.countShare', { count: summary.facts.producing.count, percent: summary.facts.producing.percent })}</dd></div>
        <div><dt>{t('overview.green')}</dt><dd>{summary.facts.green}</dd></div>
      </dl>
      <p className="muted">{t('overview.file')}: <span className="path" data-plan-data>{summary.file}</span></p>
      <h2>{t('overview.edit')}</h2>
      <SettingsForm onChanged={onChanged} focusField={focusField} />
    </div>
  );
}
