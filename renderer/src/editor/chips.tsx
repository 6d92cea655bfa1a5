// How the editor draws a chapter's template pieces: a figure as a chip with its current value (hover:
// what it is and how it is computed), a template tag as a small code chip, a placed table as a block.
import { useState, type MouseEvent } from 'react';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useOutputCheck, usePending, type Both } from './checks-store.ts';
import { toggleBranch, type CondSpec } from './conditions.ts';

function useUiLang(): 'zh' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('zh') ? 'zh' : 'en';
}

const pick = (b: Both | undefined, l: 'zh' | 'en') => (b ? b[l] : '');

/** The explanation opens above a chip in the lower half of the window, so it is never cut off. */
function useTipSide(): [string, (e: MouseEvent<HTMLElement>) => void] {
  const [up, setUp] = useState(false);
  return [up ? ' tip-up' : '', (e) => setUp(e.currentTarget.getBoundingClientRect().top > window.innerHeight / 2)];
}

/** {{ f.mines.total | num: 2 }} → f.mines.total */
function codePath(src: string): string {
  return src.replace(/^\{\{-?/, '').replace(/-?\}\}$/, '').split('|')[0].trim();
}

export function FigureChip({ node, selected, updateAttributes }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const l = useUiLang();
  const src = String(node.attrs.src);
  const check = useOutputCheck(src);
  const pending = usePending();
  const [tipSide, onEnter] = useTipSide();
  const state = check?.error ? 'error' : !check ? 'unchecked' : check.missing ? 'missing' : check.loop ? 'loop' : 'ok';
  const text = check?.error
    ? `⚠ ${codePath(src)}`
    : !check
      ? codePath(src)
      : check.missing && !check.value?.trim()
        ? t('chapters.chip.missing')
        : check.value ?? '';
  return (
    <NodeViewWrapper
      as="span"
      className={`chip chip-${state}${selected ? ' selected' : ''}${pending ? ' pending' : ''}${tipSide}`}
      onMouseEnter={onEnter}
      data-testid="figure-chip"
      data-src={src}
      data-state={state}
      data-error={check?.error ? pick(check.error, l) : undefined}
      aria-invalid={check?.error ? true : undefined}
    >
      {text}
      <span className="chip-tip" contentEditable={false} role="tooltip">
        {check?.error && <span className="chip-tip-error" data-testid="chip-error">{pick(check.error, l)}</span>}
        {check?.fix && (
          <button className="link" data-testid="chip-fix" onMouseDown={(e) => { e.preventDefault(); e.stopPropagation(); updateAttributes({ src: check.fix }); }}>
            {t('chapters.chip.fix')}
          </button>
        )}
        {check?.label && <strong>{pick(check.label, l)}</strong>}
        {check?.description && <span>{pick(check.description, l)}</span>}
        {check?.loop && <span>{t('chapters.chip.loop', { value: check.value ?? '' })}</span>}
        {check?.missing && <span>{t('chapters.chip.missingHelp')}</span>}
        {!check && <span>{t('chapters.chip.checking')}</span>}
        <code>{src}</code>
      </span>
    </NodeViewWrapper>
  );
}

const TAG_KINDS = ['for', 'endfor', 'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'assign', 'capture', 'endcapture', 'case', 'when', 'endcase', 'tablerow', 'endtablerow', 'comment', 'raw'];

export function TagChip({ node, selected, decorations, editor, getPos }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const src = String(node.attrs.src);
  const word = /^\{%-?\s*(\w+)/.exec(src)?.[1] ?? '';
  const kind = TAG_KINDS.includes(word) ? word : 'other';
  const [tipSide, onEnter] = useTipSide();
  const cond = decorations.map((d) => (d as unknown as { spec: CondSpec }).spec).find((s) => s?.condHidden || s?.condToggle);
  if (cond?.condHidden) {
    // the branch this tag opens is the one that prints (or it closes a group): no template syntax shown
    return <NodeViewWrapper as="span" className="cond-tag-hidden" data-testid="tag-hidden" data-src={src} />;
  }
  if (cond?.condToggle) {
    const { open, kind: branch } = cond.condToggle;
    const toggle = (e: MouseEvent<HTMLElement>) => {
      e.preventDefault();
      e.stopPropagation();
      const pos = getPos();
      if (typeof pos === 'number') editor.view.dispatch(toggleBranch(editor.state.tr, pos));
    };
    return (
      <NodeViewWrapper as="span" className={`cond-toggle${open ? ' open' : ''}${selected ? ' selected' : ''}${tipSide}`} onMouseEnter={onEnter}
        onMouseDown={toggle} data-testid="cond-toggle" data-open={open ? 'true' : 'false'} data-src={src}>
        {open ? '▾ ' : '▸ '}{t(branch === 'else' || branch === 'unless' ? 'chapters.cond.else' : 'chapters.cond.if')}{open ? t('chapters.cond.notNow') : ' …'}
        <span className="chip-tip" contentEditable={false} role="tooltip">
          <strong>{t('chapters.cond.help')}</strong>
          <code>{src}</code>
        </span>
      </NodeViewWrapper>
    );
  }
  return (
    <NodeViewWrapper as="span" className={`tag-chip tag-${kind}${selected ? ' selected' : ''}${tipSide}`} onMouseEnter={onEnter} data-testid="tag-chip" data-src={src}>
      {t(`chapters.tag.${kind}`)}
      <span className="chip-tip" contentEditable={false} role="tooltip">
        <strong>{t('chapters.tag.help')}</strong>
        <code>{src}</code>
      </span>
    </NodeViewWrapper>
  );
}

export function TableRefBlock({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const src = String(node.attrs.src);
  const key = /^::\w[\w-]*\s+(\S+)/.exec(src)?.[1] ?? src;
  return (
    <NodeViewWrapper className={`table-ref${selected ? ' selected' : ''}`} data-testid="table-ref" data-src={src}>
      {t('chapters.tableRef', { key: t(`chapters.tables.${key}`, { defaultValue: key }) })}
    </NodeViewWrapper>
  );
}
