import { describe, expect, it } from 'vitest';
import type { ExportBlock } from './ExportTree.js';
import { toExportTree } from './toExportTree.js';
import { craftedDocument, exportInput, irregularDocument, templateAgreement } from './exportTestDocuments.js';

const clausesOf = (blocks: ExportBlock[]): ExportBlock[] =>
  blocks.flatMap((b) => (b.type === 'clause' ? [b, ...clausesOf(b.children)] : []));
const textOf = (blocks: ExportBlock[]): string =>
  blocks
    .map((b) =>
      b.type === 'paragraph'
        ? b.inlines.map((r) => (r.type === 'text' ? r.text : '\n')).join('')
        : textOf(b.children),
    )
    .join('\n');

describe('toExportTree', () => {
  it('gives every canonical clause once, in reading order, nested as in the document', () => {
    for (const input of [templateAgreement('pt'), exportInput(craftedDocument(), 'es', 'agreement')]) {
      const tree = toExportTree(input.canonical);
      const clauses = clausesOf([...(tree.preamble ?? []), ...tree.body]);
      expect(clauses.map((c) => (c.type === 'clause' ? c.clause : null))).toEqual(input.canonical.clauses);
    }
  });

  it('matches clauses by position, so duplicate or missing ids still get their own numbers', () => {
    const { canonical } = exportInput(irregularDocument(), 'en', 'agreement');
    const tree = toExportTree(canonical);
    const clauses = clausesOf([...(tree.preamble ?? []), ...tree.body]);
    expect(clauses.map((c) => (c.type === 'clause' ? c.clause.label : null))).toEqual(
      canonical.clauses.map((c) => c.label),
    );
    expect(canonical.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['duplicate_clause_id', 'unknown_node_type']),
    );
  });

  it('drops no text: clause texts and free text of the canonical rendering are all in the tree', () => {
    const { canonical } = exportInput(irregularDocument(), 'en', 'agreement');
    const tree = toExportTree(canonical);
    const text = textOf([...(tree.preamble ?? []), ...tree.body]);
    for (const c of canonical.clauses)
      for (const line of c.text.split('\n').filter(Boolean)) expect(text).toContain(line);
    for (const f of canonical.freeText) expect(text).toContain(f.text);
    expect(tree.title).toBe('Irregular & <odd>');
  });

  it('keeps marks and refuses links the editor would refuse', () => {
    const tree = toExportTree(exportInput(craftedDocument(), 'es', 'agreement').canonical);
    const runs = JSON.stringify(tree);
    expect(runs).toContain('{"type":"text","text":"deberá","bold":true,"italic":false,"href":null}');
    expect(runs).toContain('"href":"https://example.org/a?b=1&c=2"');
    expect(runs).toContain('{"type":"text","text":"esto","bold":false,"italic":false,"href":null}');
  });
});
