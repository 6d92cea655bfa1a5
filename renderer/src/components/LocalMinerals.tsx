// The plan's own minerals (names the national catalogue does not hold, kept as typed): the user
// gives each its group, which the counts by mineral type use, and its English name, which the
// English edition prints. Each change is saved when the field is left, as one undoable step.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api.ts';
import { LOCAL_MINERAL_GROUPS, type LocalMineral, type LocalMineralGroup } from '../../../main/domain/minerals.ts';

export function LocalMinerals({ onChanged, focusField }: { onChanged: () => void; focusField?: string | null }) {
  const { t } = useTranslation();
  const [list, setList] = useState<LocalMineral[] | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    void call<{ local: LocalMineral[] }>('minerals.list').then((r) => setList(r.local));
  }, []);
  // after an undo or redo of a mineral's group or name: its row
  useEffect(() => {
    if (!list || !focusField?.startsWith('mineral:')) return;
    const name = focusField.slice('mineral:'.length);
    const el = document.querySelector<HTMLInputElement>(`[data-mineral="${CSS.escape(name)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [list, focusField]);
  if (!list || list.length === 0) return null;

  const save = async (m: LocalMineral, group: LocalMineralGroup, nameEn: string) => {
    if (group === m.group && nameEn.trim() === m.name_en) {
      setDraft(({ [m.name]: _, ...rest }) => rest);
      return;
    }
    try {
      setList(await call<LocalMineral[]>('minerals.setGroup', { name: m.name, group, nameEn: nameEn.trim() }));
      setDraft(({ [m.name]: _, ...rest }) => rest);
      setErrors(({ [m.name]: _, ...rest }) => rest);
      onChanged();
    } catch (e) {
      setErrors((x) => ({ ...x, [m.name]: e instanceof ApiError ? e.message : String(e) }));
    }
  };

  return (
    <section className="local-minerals" data-testid="local-minerals">
      <h2>{t('minerals.title')}</h2>
      <p className="muted">{t('minerals.help')}</p>
      <table className="plain">
        <thead><tr><th>{t('minerals.name')}</th><th>{t('minerals.group')}</th><th>{t('minerals.english')}</th></tr></thead>
        <tbody>
          {list.map((m) => {
            const err = errors[m.name];
            const en = draft[m.name] ?? m.name_en;
            return (
              <tr key={m.name} className={err ? 'invalid' : undefined}>
                <td data-plan-data>{m.name}</td>
                <td>
                  <select value={m.group} aria-label={`${t('minerals.group')}: ${m.name}`} data-testid={`mineral-group-${m.name}`}
                    onChange={(e) => void save(m, e.target.value as LocalMineralGroup, en)}>
                    {LOCAL_MINERAL_GROUPS.map((g) => <option key={g} value={g}>{t(`domain:mineralCatalogueGroup.${g}`)}</option>)}
                  </select>
                </td>
                <td>
                  <input value={en} data-mineral={m.name} data-testid={`mineral-en-${m.name}`} aria-invalid={!!err}
                    aria-label={`${t('minerals.english')}: ${m.name}`} placeholder={t('minerals.englishHint')}
                    onChange={(e) => setDraft((d) => ({ ...d, [m.name]: e.target.value }))}
                    onBlur={(e) => void save(m, m.group, e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void save(m, m.group, (e.target as HTMLInputElement).value);
                      if (e.key === 'Escape') { setDraft(({ [m.name]: _, ...rest }) => rest); setErrors(({ [m.name]: _, ...rest }) => rest); }
                    }} />
                  {err && <span className="cell-error inline" role="alert" data-testid={`mineral-en-error-${m.name}`}>{err} {t('settings.notSaved')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
