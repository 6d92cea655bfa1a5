// The UI names every check rule in both languages: a group of findings is never shown as "Other"
// or as the rule's code.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../main/checks/run-checks.ts';
import { brokenBinding } from '../../main/checks/rules/text.ts';
import zhUi from '../../locales/zh-CN/ui.json';
import enUi from '../../locales/en/ui.json';

describe('check rules are named in the UI', () => {
  for (const rule of [...RULES, brokenBinding]) {
    it(rule.id, () => {
      const key = rule.id.replace('.', '_');
      const zh = (zhUi.checks.rules as Record<string, string>)[key];
      const en = (enUi.checks.rules as Record<string, string>)[key];
      expect(zh, `zh name of ${rule.id}`).toMatch(/[\u4e00-\u9fff]/);
      expect(en, `en name of ${rule.id}`).toMatch(/^[A-Z][^\u3000-\u9fff]*$/);
    });
  }
});
