import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown.js';
import {
  craftedDocument,
  exportInput,
  templateActionPlan,
  templateAgreement,
} from './exportTestDocuments.js';

describe('renderMarkdown', () => {
  it('writes the title, the facts and the clauses with their numbers and headings', () => {
    const md = renderMarkdown(templateAgreement('en'));
    expect(md.startsWith('# Agreement on …\n\n- **Version:** Version 3\n- **Date:** 5 March 2025\n')).toBe(
      true,
    );
    expect(md).toContain('- **SHA-256:** `a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211001122`');
    expect(md).toContain(
      '\n\n## Chapter I — General provisions\n\n### Article 1 — Purpose\n\nThe purpose of this Agreement is to …\n',
    );
    expect(md).toContain('\n\na) “…” means …;\n\nb) “…” means ….\n');
    // numbers are escaped so that Markdown does not renumber them as a list
    expect(md).toContain('\n\n1\\. Each Party shall …\n\n2\\. Each Party shall report on …\n');
    expect(md.endsWith('Done at …, on …\n')).toBe(true);
  });

  it('escapes markup characters and keeps marks, breaks and allowed links', () => {
    const md = renderMarkdown(exportInput(craftedDocument(), 'es', 'agreement'));
    expect(md).toContain('# Acuerdo \\<Regional\\> \\& "Justicia" — São Tomé');
    expect(md).toContain('Cláusula \\<b\\>"citada"\\</b\\> \\& \'otra\' — ação, É, ç, œ, ñ');
    expect(md).toContain(
      '1\\. Cada Parte **deberá**\\\nvéase [el sitio](<https://example.org/a?b=1&c=2>) y esto.',
    );
    expect(md).toContain('Decididas *firmemente* a actuar,');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('\n\ni) primero;\n\nii) segundo.\n\nA) más profundo\n');
  });

  it('shows actions as a table, with "|" escaped in cells', () => {
    const plan = renderMarkdown(templateActionPlan('fr'));
    expect(plan).toContain(
      '| Action | Responsable | Partenaires | Dates | Indicateur | Statut |\n| --- | --- | --- | --- | --- | --- |\n| **Action 1.1 — Action …** |  |  |  | Indicateur … | Prévue |',
    );
    const md = renderMarkdown(exportInput(craftedDocument(), 'es', 'action_plan'));
    expect(md).toContain(
      '| **Acción 1.1 — Formar paralegales \\<comunitarios\\>**<br>Descripción con \\| barra y \\*asteriscos\\*. | Red de Justicia Comunitaria, Ação \\& Cidadania |',
    );
  });
});
