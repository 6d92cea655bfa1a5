// The UI names every check rule in both languages: a group of findings is never shown as "Other"
// or as the rule's code.
import fs from 'node:fs';
import path from 'node:path';
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

describe('the UI strings', () => {
  type Tree = { [k: string]: string | Tree };
  const leaves = (d: Tree, pre = ''): string[] => Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [`${pre}${k}`] : leaves(v, `${pre}${k}.`)));
  const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

  it('hold the same keys in both languages (plural forms aside)', () => {
    expect([...new Set(leaves(zhUi as Tree).map(base))].sort()).toEqual([...new Set(leaves(enUi as Tree).map(base))].sort());
  });

  it('are all used by the renderer: no key is left behind by a removed field', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../renderer/src');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const src = files.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    // keys built at run time: `nav.${v}` uses every key under nav.
    const prefixes = [...src.matchAll(/`([a-zA-Z][\w.]*?)\$\{/g)].map((m) => m[1]).filter((p) => p.includes('.') && !p.includes(':'));
    const unused = leaves(enUi as Tree).map(base).filter((k) => !src.includes(`'${k}'`) && !src.includes(`"${k}"`) && !prefixes.some((p) => k.startsWith(p)));
    expect([...new Set(unused)]).toEqual([]);
  });
});
