import { describe, expect, it, vi } from 'vitest';
import mammoth from 'mammoth';
import { renderDispositionsDocx } from './renderDispositionsDocx.js';
import { sampleReport } from './dispositionReportFixture.js';

describe('renderDispositionsDocx', () => {
  it('is a Word file with the report as a table', async () => {
    const docx = await renderDispositionsDocx(sampleReport());
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toMatch(
      /^<p>Tratamiento de los comentarios<\/p><h1>Acuerdo &lt;Regional&gt; &amp; "Justicia"<\/h1>/,
    );
    // the header row repeats on every page
    expect(html).toContain('<table><thead><tr><th><p><strong>N.º</strong></p></th>');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const expected of [
      'Cláusula (Versión 2)',
      'Artículo 2, 1.',
      'Artículo 3, 1.',
      'la <asistencia> "gratuita", & más',
      'segunda "línea", con coma',
      'María José Núñez',
      'Fundación Acción, Justicia',
      'João Gonçalves (Associação Cidadã, Brasil) · 2 de abril de 2025',
      'No aceptado',
      'Fuera del mandato; véase el art. 5.',
      '(no figura en esta versión)',
      'Pendiente',
    ])
      expect(text).toContain(expected);
  });

  it('gives the same bytes for the same report at another time', async () => {
    const first = await renderDispositionsDocx(sampleReport());
    vi.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z'), toFake: ['Date'] });
    try {
      const second = await renderDispositionsDocx(sampleReport());
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
