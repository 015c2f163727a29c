import { describe, expect, it } from 'vitest';
import { renderHtml } from './renderHtml.js';
import {
  craftedDocument,
  exportInput,
  templateActionPlan,
  templateAgreement,
} from './exportTestDocuments.js';

describe('renderHtml', () => {
  it('is a standalone, print-ready page in the document language', () => {
    const html = renderHtml(templateAgreement('es'));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Acuerdo sobre …</title>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('content: "Página " counter(page) " de " counter(pages);');
    // nothing to fetch: no scripts, stylesheets or images from elsewhere
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('has a title page with version, date, hash, document and author', () => {
    const html = renderHtml(templateAgreement('fr'));
    expect(html).toContain('<h1 class="doc-title">Accord sur …</h1>');
    expect(html).toContain('<dt>Version</dt><dd>Version 3</dd>');
    expect(html).toContain('<dt>Date</dt><dd>5 mars 2025</dd>');
    expect(html).toContain(`<dt>SHA-256</dt><dd><code>${'a3f1c0de9b8e7d6c'}`);
    expect(html).toContain('<dt>Auteur</dt><dd>Red de Justicia Comunitaria</dd>');
  });

  it('shows numbers and headings as in the editor, with clause ids for links into the text', () => {
    const input = templateAgreement('fr');
    const html = renderHtml(input);
    expect(html).toContain(
      '<h2 class="clause-title"><span class="num">Chapitre premier</span><span class="sep"> — </span><span class="heading">Dispositions générales</span></h2>',
    );
    expect(html).toContain(
      '<h3 class="clause-title"><span class="num">Article premier</span><span class="sep"> — </span><span class="heading">Objet</span></h3>',
    );
    expect(html).toMatch(/<span class="num">a\)<\/span><div class="body"><p>« … » : … ;<\/p>/);
    expect(html).toMatch(
      /<span class="num">2\.<\/span><div class="body"><p>Chaque Partie rend compte de …<\/p>/,
    );
    for (const clause of input.canonical.clauses) expect(html).toContain(`id="clause-${clause.clauseId}"`);
  });

  it('escapes every text and attribute, and keeps only allowed links', () => {
    const html = renderHtml(exportInput(craftedDocument(), 'es', 'agreement'));
    expect(html).toContain('<title>Acuerdo &lt;Regional&gt; &amp; &quot;Justicia&quot; — São Tomé</title>');
    expect(html).toContain(
      '<p>Cláusula &lt;b&gt;&quot;citada&quot;&lt;/b&gt; &amp; &#39;otra&#39; — ação, É, ç, œ, ñ</p>',
    );
    expect(html).not.toContain('<Regional>');
    expect(html).not.toContain('<b>"citada"</b>');
    expect(html).toContain(
      'Cada Parte <strong>deberá</strong><br>véase <a href="https://example.org/a?b=1&amp;c=2">el sitio</a> y esto.',
    );
    expect(html).not.toContain('javascript:');
  });

  it('shows actions as a table with lead, partners, dates, indicator and status', () => {
    const html = renderHtml(templateActionPlan('pt'));
    expect(html).toContain(
      '<thead><tr><th scope="col">Ação</th><th scope="col">Responsável</th><th scope="col">Parceiros</th><th scope="col">Datas</th><th scope="col">Indicador</th><th scope="col">Situação</th></tr></thead>',
    );
    expect(html.match(/<tr class="clause clause-action"/g)).toHaveLength(3);
    expect(html).toContain('<span class="status status-planned">Prevista</span>');

    const crafted = renderHtml(exportInput(craftedDocument(), 'es', 'action_plan'));
    expect(crafted).toContain(
      '<td>Red de Justicia Comunitaria, Ação &amp; Cidadania</td><td>Université &quot;Populaire&quot;</td><td>2025-01-15 – 2025-12-31</td><td>Número de paralegales formados &gt; 100</td><td><span class="status status-in_progress">En curso</span></td>',
    );
  });
});
