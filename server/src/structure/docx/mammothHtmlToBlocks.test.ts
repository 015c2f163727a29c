import { describe, expect, it } from 'vitest';
import { mammothHtmlToBlocks } from './mammothHtmlToBlocks.js';

describe('mammothHtmlToBlocks', () => {
  it('keeps headings, list nesting and kinds, and reads plain paragraphs like Markdown lines', () => {
    const { blocks } = mammothHtmlToBlocks(
      '<h1>Agreement</h1><p>Article 1 — Purpose</p><ol><li>First <strong>bold</strong><ol><li>point</li></ol></li><li>Second</li></ol>' +
        '<ul><li>bullet</li></ul><p>b) typed point</p>',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Agreement' },
      { kind: 'text', text: 'Article 1 — Purpose' },
      { kind: 'listItem', marker: '1.', indent: 0, text: 'First **bold**' },
      { kind: 'listItem', marker: 'a)', indent: 4, text: 'point' },
      { kind: 'listItem', marker: '1.', indent: 0, text: 'Second' },
      { kind: 'listItem', marker: '-', indent: 0, text: 'bullet' },
      { kind: 'listItem', marker: 'b)', indent: 0, text: 'typed point' },
    ]);
  });

  it('decodes entities, escapes Markdown, keeps allowed links only', () => {
    const { blocks } = mammothHtmlToBlocks(
      '<p>A &amp; B &lt;x&gt; *star* <a href="https://example.org/a">site</a> <a href="javascript:alert(1)">bad</a></p>',
    );
    expect(blocks).toEqual([
      { kind: 'text', text: 'A & B <x> \\*star\\* [site](https://example.org/a) bad' },
    ]);
  });

  it('leaves out footnotes, note references and images, and flattens tables', () => {
    const { blocks, skipped } = mammothHtmlToBlocks(
      '<p>Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> <img src="" /></p>' +
        '<table><tr><td><p>cell one</p></td><td><p>cell two</p></td></tr></table>' +
        '<ol><li id="footnote-1"><p>The note. <a href="#footnote-ref-1">↑</a></p></li></ol>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Text', 'cell one', 'cell two']);
    expect(skipped).toEqual({ footnotes: 1, images: 1, tables: 1 });
  });
});
