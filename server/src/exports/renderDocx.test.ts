import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './renderDocx.js';
import {
  craftedDocument,
  exportInput,
  templateActionPlan,
  templateAgreement,
} from './exportTestDocuments.js';

// mammoth maps Heading 1–3 to h1–h3 by itself; Title needs a rule
const toHtml = async (docx: Buffer) =>
  (await mammoth.convertToHtml({ buffer: docx }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] }))
    .value;
const all = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('renderDocx', () => {
  it('uses the Title and Heading styles, with clause numbers and headings as shown', async () => {
    const html = await toHtml(await renderDocx(templateAgreement('es')));
    expect(html).toContain('<h1 class="title">Acuerdo sobre …</h1>');
    expect(all(html, 'h1')).toEqual([
      'Capítulo I — Disposiciones generales',
      'Capítulo II — Obligaciones de las Partes',
      'Capítulo III — Disposiciones finales',
    ]);
    expect(all(html, 'h2')).toEqual([
      'Artículo 1 — Objetivo',
      'Artículo 2 — Definiciones',
      'Artículo 3 — Obligaciones',
      'Artículo 4 — Entrada en vigor',
      'Artículo 5 — Depositario',
    ]);
    expect(html).toContain('<p>1.\tCada Parte deberá …</p><p>2.\tCada Parte informará sobre …</p>');
    expect(html).toContain('<p>a)\tpor «…» se entiende …;</p>');
    expect(html).toContain(
      '<p><strong>Versión: </strong>Version 3</p><p><strong>Fecha: </strong>5 de marzo de 2025</p>',
    );
    expect(html).toContain('<p>Hecho en …, el …</p>');
  });

  it('keeps accents, markup characters, marks, breaks and allowed links', async () => {
    const html = await toHtml(await renderDocx(exportInput(craftedDocument(), 'pt', 'agreement')));
    expect(html).toContain('<h1 class="title">Acuerdo &lt;Regional&gt; &amp; "Justicia" — São Tomé</h1>');
    expect(html).toContain(`<p>Cláusula &lt;b&gt;"citada"&lt;/b&gt; &amp; 'otra' — ação, É, ç, œ, ñ</p>`);
    expect(html).toContain(
      '<p>1.\tCada Parte <strong>deberá</strong><br />véase <a href="https://example.org/a?b=1&amp;c=2">el sitio</a> y esto.</p>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<p>i)\tprimero;</p><p>ii)\tsegundo.</p><p>A)\tmás profundo</p>');
    expect(all(html, 'h2')).toContain('Artigo 4');
  });

  it('shows actions as a table', async () => {
    const html = await toHtml(await renderDocx(templateActionPlan('en')));
    expect(all(html, 'h1')).toEqual(['Objective 1 — Objective …', 'Objective 2 — Objective …']);
    expect(html).toContain(
      '<tr><th><p><strong>Action</strong></p></th><th><p><strong>Lead</strong></p></th><th><p><strong>Partners</strong></p></th><th><p><strong>Dates</strong></p></th><th><p><strong>Indicator</strong></p></th><th><p><strong>Status</strong></p></th></tr>',
    );
    expect(html).toContain(
      '<td><p><strong>Action 1.2 — Action …</strong></p></td><td></td><td></td><td></td><td><p>Indicator …</p></td><td><p>Planned</p></td>',
    );
  });

  it('drops characters XML forbids instead of writing a file Word cannot open', async () => {
    const input = templateAgreement('en');
    input.canonical.clauses[3]!.heading = 'Obli\u0001gations\u000c';
    const html = await toHtml(await renderDocx(input));
    expect(all(html, 'h2')).toContain('Article 3 — Obligations');
  });
});
