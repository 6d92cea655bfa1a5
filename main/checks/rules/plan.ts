// The plan's own settings and the honesty of its rows: years out of order, validity periods that
// end before they start, and sample (demonstration) rows that are not the office's data.
import type { PlanData } from '../../domain/model.ts';
import { checkPeriodOrder, issueError } from '../../domain/plan-fields.ts';
import { describeError } from '../../i18n/index.ts';
import { finding, term, type Finding, type Rule } from '../finding.ts';

/** Period end before start, near-term year outside the period, base year after the start … */
export const periodOrder: Rule = {
  id: 'plan.period_order', severity: 'error',
  run: (data: PlanData): Finding[] => checkPeriodOrder(data.plan).map((issue) => {
    const e = issueError(issue);
    return { rule: periodOrder.id, severity: 'error', table: 'plan', rowId: null, label: issue.field, message: { zh: describeError(e, 'zh'), en: describeError(e, 'en') } };
  }),
};

/** A licence or exploration right whose validity ends before it starts. */
export const validityOrder: Rule = {
  id: 'row.validity_order', severity: 'error',
  run: (data: PlanData) => {
    const cols = { from: term('valid_from', 'column'), to: term('valid_to', 'column') };
    return [
      ...data.licences.filter((l) => l.valid_from && l.valid_to && l.valid_to < l.valid_from)
        .map((l) => finding(validityOrder, 'licences', l.id, l.number, { ...cols, a: l.valid_from!, b: l.valid_to! })),
      ...data.explorationRights.filter((r) => r.valid_from && r.valid_to && r.valid_to < r.valid_from)
        .map((r) => finding(validityOrder, 'exploration_rights', r.id, r.name_zh, { ...cols, a: r.valid_from!, b: r.valid_to! })),
    ];
  },
};

/** Rows marked as sample data: listed per table, so no one takes them for the office's figures. */
export const sampleRows: Rule = {
  id: 'row.sample_data', severity: 'warning',
  run: (data: PlanData) => {
    const tables = [['mines', data.mines], ['licences', data.licences], ['exploration_rights', data.explorationRights]] as const;
    return tables.flatMap(([table, rows]) => {
      const sample = (rows as readonly { id: number; is_sample: number }[]).filter((r) => r.is_sample);
      return sample.length ? [finding(sampleRows, table, sample[0].id, '', { table: term(table, 'table'), count: sample.length })] : [];
    });
  },
};
