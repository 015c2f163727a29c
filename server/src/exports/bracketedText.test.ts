import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNodes as b, validateDocument, policySchema } from '@accord/shared';
import { exportInput } from './exportTestDocuments.js';
import { toExportTree } from './toExportTree.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderDocx } from './renderDocx.js';
import { renderPdf } from './renderPdf.js';
import { renderAkomaNtoso } from './renderAkomaNtoso.js';

// Issue 16: bracketed text (with and without alternative labels) in every export format.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCHEMA = path.resolve(repoRoot, '..', 'shared', 'data', 'akn', 'akomantoso30.xsd');
const dir = mkdtempSync(path.join(tmpdir(), 'accord-brackets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bracketed = (text: string, option: string | null, extra: Array<{ type: string }> = []) => ({
  type: 'text',
  text,
  marks: [{ type: 'bracketed', attrs: { option } }, ...extra],
});

function document() {
  return b.doc('Agreement', [
    b.article('Access', [
      b.numberedParagraph(
        '',
        [],
        [
          { type: 'text', text: 'Each Party shall ' },
          bracketed('guarantee', 'Option A'),
          { type: 'text', text: ' ' },
          bracketed('promote', 'Option B', [{ type: 'bold' }]),
          { type: 'text', text: ' access ' },
          bracketed('free of charge', null),
          { type: 'text', text: '.' },
        ],
      ),
    ]),
  ]);
}

const SENTENCE = 'Each Party shall [Option A: guarantee] [Option B: promote] access [free of charge].';
const input = () => exportInput(document(), 'en', 'agreement');
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('bracketed text in exports', () => {
  it('is valid content for the schema, and invalid with a bad option label', () => {
    expect(validateDocument(document(), policySchema)).toEqual([]);
    const bad = b.doc('A', [b.article('X', [b.paragraph('', [bracketed('x', 'Option [A]')])])]);
    expect(validateDocument(bad, policySchema).map((p) => p.code)).toContain('invalid_attribute');
  });

  it('prints plain brackets, with the alternative label, in HTML, Markdown, Word and PDF', async () => {
    const html = renderHtml(input()).replace(/<[^>]+>/g, '');
    expect(squash(html)).toContain(SENTENCE);
    const markdown = renderMarkdown(input())
      .replace(/\\([[\]])/g, '$1')
      .replace(/\*\*/g, '');
    expect(squash(markdown)).toContain(SENTENCE);
    const word = (await mammoth.extractRawText({ buffer: await renderDocx(input()) })).value;
    expect(squash(word)).toContain(SENTENCE);
    const pdf = spawnSync('pdftotext', ['-raw', '-', '-'], {
      input: await renderPdf(input()),
      encoding: 'utf8',
    });
    expect(squash(pdf.stdout)).toContain(SENTENCE);
  });

  it('marks the runs and their brackets for the exporters', () => {
    const tree = toExportTree(input().canonical);
    const clause = tree.body.find((block) => block.type === 'clause')!;
    const runs = JSON.stringify(clause);
    expect(runs).toContain(
      '"text":"[Option A: ","bold":false,"italic":false,"href":null,"bracket":"Option A"',
    );
    expect(runs).toContain('"text":"promote","bold":true');
  });

  it('is an <inline name="bracketed"> in Akoma Ntoso, valid against the schema', () => {
    const xml = renderAkomaNtoso(input());
    const file = path.join(dir, 'bracketed.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
    expect(result.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(result.status).toBe(0);
    expect(xml).toContain('<inline name="bracketed" title="Option A">[Option A: guarantee]</inline>');
    expect(xml).toContain('<inline name="bracketed" title="Option B">[Option B: <b>promote</b>]</inline>');
    expect(xml).toContain('<inline name="bracketed">[free of charge]</inline>');
  });
});
