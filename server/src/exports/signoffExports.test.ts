import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportInput, ExportSignoff } from './ExportInput.js';
import { exportInput, templateActionPlan, templateAgreement } from './exportTestDocuments.js';
import { renderAkomaNtoso } from './renderAkomaNtoso.js';
import { renderDocx } from './renderDocx.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderPdf } from './renderPdf.js';
import { craftedDocument } from './exportTestDocuments.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCHEMA = path.resolve(repoRoot, '..', 'shared', 'data', 'akn', 'akomantoso30.xsd');
const dir = mkdtempSync(path.join(tmpdir(), 'accord-signoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(files: Record<string, string>) {
  const paths = Object.entries(files).map(([name, xml]) => {
    const file = path.join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, ...paths], { encoding: 'utf8' });
  expect(result.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
  expect(result.status).toBe(0);
}

const signoff: ExportSignoff = {
  endorsements: [
    {
      organisation: 'Paralegal Network',
      country: 'KE',
      by: 'Rosa Reviewer',
      at: new Date('2026-12-07T10:00:00Z'),
      note: 'With <pride> & care',
    },
    {
      organisation: 'Ministério da Justiça',
      country: 'PT',
      by: 'Olga',
      at: new Date('2026-12-08T09:00:00Z'),
      note: null,
    },
  ],
  override: null,
};
const overridden: ExportSignoff = {
  endorsements: [],
  override: { reason: 'Deadline of the summit.', by: 'Coral', at: new Date('2026-12-08T12:00:00Z') },
};
const withSignoff = (input: ExportInput, s: ExportSignoff = signoff): ExportInput => ({
  ...input,
  signoff: s,
});

describe('a publication’s sign-off in its exports', () => {
  it('HTML and Markdown list the endorsing organisations with their dates, after the text', () => {
    const html = renderHtml(withSignoff(templateAgreement('en')));
    expect(html).toContain('<section class="endorsements">\n<h2>Endorsed by</h2>');
    expect(html).toContain(
      '<li data-date="2026-12-07">Paralegal Network (KE) — 7 December 2026, Rosa Reviewer — With &lt;pride&gt; &amp; care</li>',
    );
    expect(html).toContain(
      '<li data-date="2026-12-08">Ministério da Justiça (PT) — 8 December 2026, Olga</li>',
    );
    expect(html.indexOf('class="endorsements"')).toBeGreaterThan(html.indexOf('</main>'));
    const md = renderMarkdown(withSignoff(templateAgreement('es')));
    expect(md).toContain(
      '## Respaldado por\n\n- Paralegal Network (KE) — 7 de diciembre de 2026, Rosa Reviewer',
    );
    expect(renderMarkdown(withSignoff(templateAgreement('fr'), overridden))).toContain(
      'Aucune organisation n’avait approuvé cette version lors de sa publication.\n\nPublié sans toutes les approbations. Motif : Deadline of the summit. (Coral, 8 décembre 2026)',
    );
  });

  it('renders nothing more without a sign-off (the bytes of earlier publications)', () => {
    const input = templateAgreement('en');
    expect(renderHtml(input)).not.toContain('endorsements');
    expect(renderMarkdown(input)).not.toContain('Endorsed by');
    expect(renderAkomaNtoso(input)).not.toContain('endorse');
  });

  it('Word and PDF show the section too', { timeout: 30_000 }, async () => {
    const docx = (
      await mammoth.convertToHtml({ buffer: await renderDocx(withSignoff(templateAgreement('pt'))) })
    ).value;
    expect(docx).toContain('<h1>Endossado por</h1>');
    expect(docx).toContain('Paralegal Network (KE) — 7 de dezembro de 2026, Rosa Reviewer');
    const pdf = spawnSync('pdftotext', ['-', '-'], {
      input: await renderPdf(
        withSignoff(templateAgreement('en'), { ...signoff, override: overridden.override }),
      ),
      encoding: 'utf8',
    }).stdout.replace(/\s+/g, ' ');
    expect(pdf).toContain('Endorsed by');
    expect(pdf).toContain('Ministério da Justiça (PT) — 8 December 2026, Olga');
    expect(pdf).toContain('Published without every endorsement. Reason: Deadline of the summit.');
  });

  it('Akoma Ntoso: organisations and dates in the conclusions, workflow steps in the metadata, schema-valid', () => {
    const files = {
      agreement: renderAkomaNtoso(withSignoff(templateAgreement('en'))),
      plan: renderAkomaNtoso(
        withSignoff(templateActionPlan('fr'), { ...signoff, override: overridden.override }),
      ),
      crafted: renderAkomaNtoso(withSignoff(exportInput(craftedDocument(), 'es', 'other'), overridden)),
    };
    validate(files);
    const xml = files.agreement;
    expect(xml).toContain('<step date="2026-12-07" by="#org_paralegal-network" outcome="#endorsed"/>');
    expect(xml).toContain('<TLCOrganization eId="org_ministerio-da-justica"');
    expect(xml).toContain('<TLCConcept eId="endorsed"');
    expect(xml).toContain(
      '<p class="endorsement"><organization refersTo="#org_paralegal-network">Paralegal Network</organization> (KE) — <date date="2026-12-07">7 December 2026</date>, Rosa Reviewer — With &lt;pride&gt; &amp; care</p>',
    );
    expect(files.crafted).not.toContain('<workflow');
    expect(files.crafted).toContain('<blockContainer eId="endorsements" class="endorsements">');
  });
});
