import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './renderPdf.js';
import {
  craftedDocument,
  exportInput,
  templateActionPlan,
  templateAgreement,
} from './exportTestDocuments.js';

/** Text of a PDF by poppler's pdftotext; pages are separated by form feeds. */
function pdfText(pdf: Buffer, ...args: string[]): string[] {
  const result = spawnSync('pdftotext', [...args, '-', '-'], { input: pdf, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\f').slice(0, -1);
}

describe('renderPdf', () => {
  it(
    'has a title page with title, version, date and hash, and numbered pages after it',
    { timeout: 30_000 },
    async () => {
      const pages = pdfText(await renderPdf(templateAgreement('fr')));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const [title, ...rest] = pages;
      expect(title).toContain('Accord sur …');
      expect(title).toContain('Version: Version 3');
      expect(title).toContain('Date: 5 mars 2025');
      expect(title).toContain('SHA-256: a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211001122');
      expect(title).toContain('Document: 66f0c3a1b2c3d4e5f6a7b8c9');
      expect(title).not.toMatch(/Page \d/);
      rest.forEach((page, i) => expect(page).toContain(`Page ${i + 2} sur ${pages.length}`));
    },
  );

  it('shows clause numbers and headings as in the editor', { timeout: 30_000 }, async () => {
    // -raw: in its default mode pdftotext merges the spaced punctuation of "« … » : … ;"
    const [, text] = pdfText(await renderPdf(templateAgreement('fr')), '-raw');
    expect(text).toContain('Chapitre premier\nDispositions générales\n');
    expect(text).toContain('Article premier\nObjet\nLe présent Accord a pour objet …');
    expect(text).toContain('a) « … » : … ;\nb) « … » : ….');
    expect(text).toContain('1. Chaque Partie …\n2. Chaque Partie rend compte de …');
    expect(text).toContain('Fait à …, le …');
  });

  it(
    'renders Spanish, Portuguese and French accents with the embedded DejaVu fonts',
    { timeout: 30_000 },
    async () => {
      const pdf = await renderPdf(exportInput(craftedDocument(), 'es', 'agreement'));
      const text = pdfText(pdf).join('');
      expect(text).toContain(`Cláusula <b>"citada"</b> & 'otra' — ação, É, ç, œ, ñ`);
      expect(text).toContain('Lista de <órganos> & "comités"');
      expect(text).toMatch(/Cada Parte deberá\n\s*véase el sitio y esto\./);
      expect(text).toMatch(/Página 2 de \d/);
      const fonts = spawnSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).stdout;
      for (const face of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']) {
        expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes`));
      }
      expect(fonts).not.toContain('Helvetica');
    },
  );

  it('shows actions as a table with a header row', { timeout: 30_000 }, async () => {
    const text = pdfText(await renderPdf(templateActionPlan('pt')), '-layout').join('');
    expect(text).toMatch(/Ação\s+Responsável\s+Parceiros\s+Datas\s+Indicador\s+Situação/);
    expect(text).toMatch(/Ação 1\.1 — Ação …\s+Indicador …\s+Prevista/);
    expect(text).toMatch(/Página 2 de \d/);
  });
});
