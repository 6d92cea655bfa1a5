// The plan's settings and jurisdiction profile in one form: every field a template binds.
// Each field is validated by the API when it is left (Enter or blur); a refused value stays in
// the field marked invalid with the reason beside it, and is never shown as saved.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api.ts';
import {
  SETTING_FIELDS, formatFieldValue, parseFieldInput, type SettingField,
} from '../../../main/domain/plan-fields.ts';
import { JURISDICTION_KINDS } from '../../../main/domain/vocabulary.ts';

type Values = Record<string, unknown>;

/**
 * A stored value as the field shows it: a number with its own decimals, the float noise of a value
 * worked out from degrees and minutes cut at 6 decimals (108.96666666666667 → 108.966667). Leaving the
 * field unchanged writes nothing, so the stored value keeps every digit.
 */
export function shownValue(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) && Math.abs(v) < 1e15) return String(Number(v.toFixed(6)));
  return formatFieldValue(v);
}
const GROUPS = ['identity', 'period', 'profile'] as const;

export function SettingsForm({ onChanged, focusField }: { onChanged: () => void; focusField?: string | null }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Values | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // the input last refused per field: leaving the field again does not resend it
  const refused = useRef<Record<string, string>>({});

  useEffect(() => {
    void call<{ values: Values }>('plan.settings').then((r) => setSaved(r.values));
  }, []);
  // after an undo or redo of a setting, its field (once the values are shown)
  useEffect(() => {
    if (!saved || !focusField) return;
    const el = document.querySelector<HTMLInputElement>(`[data-testid="setting-${CSS.escape(focusField)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [saved, focusField]);
  if (!saved) return null;

  const shown = (k: string) => draft[k] ?? shownValue(saved[k]);
  const label = (f: SettingField) => `${t(`domain:field.${f.label}`)}${t(`settings.unit.${f.key}`, { defaultValue: '' })}${f.lang ? t(`settings.lang.${f.lang}`) : ''}`;

  const commit = async (f: SettingField, input: string) => {
    if (input === shownValue(saved[f.key]) && !errors[f.key]) {
      setDraft(({ [f.key]: _, ...rest }) => rest);
      return;
    }
    if (errors[f.key] && refused.current[f.key] === input) return;
    setBusy(f.key);
    try {
      const r = await call<{ values: Values }>('plan.update', { patch: { [f.key]: parseFieldInput(f.key, input) } });
      setSaved(r.values);
      setDraft(({ [f.key]: _, ...rest }) => rest);
      setErrors(({ [f.key]: _, ...rest }) => rest);
      onChanged();
    } catch (e) {
      refused.current[f.key] = input;
      setErrors((x) => ({ ...x, [f.key]: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };
  const revert = (k: string) => {
    delete refused.current[k];
    setDraft(({ [k]: _, ...rest }) => rest);
    setErrors(({ [k]: _, ...rest }) => rest);
  };

  return (
    <form className="settings-form" onSubmit={(e) => e.preventDefault()} data-testid="settings-form">
      {GROUPS.map((g) => (
        <fieldset key={g}>
          <legend>{t(`settings.group.${g}`)}</legend>
          <div className="plan-form">
            {SETTING_FIELDS.filter((f) => f.group === g).map((f) => {
              const err = errors[f.key];
              const id = `setting-${f.key}`;
              return (
                <label key={f.key} className={err ? 'invalid' : undefined}>
                  <span className="field-label">{label(f)}{f.required ? ' *' : ''}</span>
                  {f.type === 'kind' ? (
                    <select id={id} value={shown(f.key)} data-testid={id} aria-invalid={!!err}
                      onChange={(e) => { setDraft((d) => ({ ...d, [f.key]: e.target.value })); void commit(f, e.target.value); }}>
                      {JURISDICTION_KINDS.map((k) => <option key={k} value={k}>{t(`domain:kind.${k}`)}</option>)}
                    </select>
                  ) : (
                    <input id={id} value={shown(f.key)} data-testid={id} aria-invalid={!!err} aria-busy={busy === f.key}
                      placeholder={t(`settings.hint.${f.type}`)}
                      onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                      onBlur={(e) => void commit(f, e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void commit(f, (e.target as HTMLInputElement).value);
                        if (e.key === 'Escape') revert(f.key);
                      }} />
                  )}
                  {err && (
                    <span className="cell-error inline" role="alert" data-testid={`${id}-error`}>
                      {err} {t('settings.notSaved')}{' '}
                      <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={() => revert(f.key)}>{t('settings.revert')}</button>
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </form>
  );
}
