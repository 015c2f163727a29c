import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES } from '../documentKinds.js';
import { structuralNodesInJson } from './ids/structuralNodesInJson.js';
import { policySchema } from './policySchema.js';
import { renderCanonical } from './render/renderCanonical.js';
import { validateDocument } from './render/validateDocument.js';
import { TEMPLATE_IDS, templates } from './templates/templates.js';

describe('templates', () => {
  it.each(TEMPLATE_IDS.flatMap((id) => DOCUMENT_LANGUAGES.map((language) => [id, language] as const)))(
    '%s in %s is valid against the schema',
    (id, language) => {
      const json = templates[id].build({ language });
      expect(() => policySchema.nodeFromJSON(json).check()).not.toThrow();
      expect(validateDocument(json)).toEqual([]);
      expect(templates[id].name[language]).toBeTruthy();
    },
  );

  it('assign fresh clause ids on every build', () => {
    const a = structuralNodesInJson(templates.agreement.build({ language: 'en' })).map(
      (n) => n.node.attrs!.clauseId,
    );
    const b = structuralNodesInJson(templates.agreement.build({ language: 'en' })).map(
      (n) => n.node.attrs!.clauseId,
    );
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
  });

  it('agreement: preamble with 2 recitals, chapters, Purpose and Definitions with lettered points, final provisions', () => {
    const r = renderCanonical(templates.agreement.build({ language: 'en', title: 'Escazú II' }), 'en');
    expect(r.title).toBe('Escazú II');
    expect(r.clauses.map((c) => `${c.label} ${c.heading ?? c.text}`)).toEqual([
      'Recital 1 Recognizing that …,',
      'Recital 2 Determined to …,',
      'Chapter I General provisions',
      'Article 1 Purpose',
      'Article 2 Definitions',
      'a) “…” means …;',
      'b) “…” means ….',
      'Chapter II Obligations of the Parties',
      'Article 3 Obligations',
      '1. Each Party shall …',
      '2. Each Party shall report on …',
      'Chapter III Final provisions',
      'Article 4 Entry into force',
      'Article 5 Depositary',
    ]);
  });

  it('action plan: objectives with actions carrying their fields', () => {
    const json = templates.action_plan.build({ language: 'fr' });
    const actions = structuralNodesInJson(json).filter((n) => n.node.type === 'action');
    expect(actions).toHaveLength(3);
    expect(actions[0]!.node.attrs).toMatchObject({
      leadOrganisations: [],
      partners: [],
      startDate: null,
      endDate: null,
      indicator: 'Indicateur …',
      status: 'planned',
    });
    expect(renderCanonical(json, 'fr').clauses.map((c) => c.label)).toEqual([
      'Objectif 1',
      'Action 1.1',
      'Action 1.2',
      'Objectif 2',
      'Action 2.1',
    ]);
  });
});
