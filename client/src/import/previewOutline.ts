import type { JSONContent } from '@tiptap/core';
import { computeNumbering, NODE, type ClauseKind, type DocumentLanguage } from '@accord/shared';

export interface PreviewEntry {
  clauseId: string;
  kind: ClauseKind;
  label: string;
  heading: string;
  level: number;
}

const HEADED: Partial<Record<string, ClauseKind>> = {
  [NODE.chapter]: 'chapter',
  [NODE.article]: 'article',
  [NODE.objective]: 'objective',
  [NODE.action]: 'action',
  [NODE.annex]: 'annex',
};

const textOf = (node: JSONContent): string => node.text ?? (node.content ?? []).map(textOf).join('');

/** Chapters, articles, objectives, actions and annexes of an imported document, numbered in `language`. */
export function previewOutline(json: JSONContent, language: DocumentLanguage): PreviewEntry[] {
  const numbers = computeNumbering(json, language);
  const entries: PreviewEntry[] = [];
  const walk = (node: JSONContent, level: number) => {
    for (const child of node.content ?? []) {
      const kind = child.type ? HEADED[child.type] : undefined;
      const clauseId = typeof child.attrs?.clauseId === 'string' ? child.attrs.clauseId : '';
      if (!kind) continue;
      const first = child.content?.[0];
      entries.push({
        clauseId,
        kind,
        label: numbers.get(clauseId)?.label ?? '',
        heading: first?.type === NODE.clauseHeading ? textOf(first).trim() : '',
        level,
      });
      if (kind === 'chapter' || kind === 'objective') walk(child, level + 1);
    }
  };
  walk(json, 1);
  return entries;
}
