import { describe, expect, it } from 'vitest';
import { renderDispositionsHtml } from './renderDispositionsHtml.js';
import { sampleReport } from './dispositionReportFixture.js';

describe('renderDispositionsHtml', () => {
  const html = renderDispositionsHtml(sampleReport());

  it('is a standalone page in the language of the document', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('<h1>Tratamiento de los comentarios</h1>');
    expect(html).toContain('2 hilos de comentarios: No aceptado 1 · Pendiente 1');
  });

  it('escapes every text from users', () => {
    expect(html).toContain('<blockquote>la &lt;asistencia&gt; &quot;gratuita&quot;, &amp; más</blockquote>');
    expect(html).toContain('Acuerdo &lt;Regional&gt; &amp; &quot;Justicia&quot;');
    expect(html).not.toContain('<asistencia>');
    expect(html).not.toContain('<Regional>');
  });

  it('shows clause then and now, author, organisation, country, replies and the disposition with its reason', () => {
    const row = html.slice(html.indexOf('<tr id="thread-66f0c3a1b2c3d4e5f6a7b801">'));
    expect(row).toContain('<td>Artículo 2, 1.</td><td>Artículo 3, 1.</td>');
    expect(row).toContain('María José Núñez<br>Fundación Acción, Justicia<br>Colombia');
    expect(row).toContain(
      'De acordo.<div class="by">João Gonçalves (Associação Cidadã, Brasil) · 2 de abril de 2025</div>',
    );
    expect(row).toContain('(eliminado)');
    expect(row).toContain(
      '<div class="decision">No aceptado</div><div>Fuera del mandato; véase el art. 5.</div>',
    );
    expect(html).toContain('<td>(no figura en esta versión)</td><td>Artículo 1</td>');
    expect(html).toContain('Resuelto · solo equipo de redacción');
  });
});
