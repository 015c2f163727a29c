import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodes as b, DOCUMENT_LANGUAGES, templates, type DocumentLanguage } from '@accord/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAkomaNtoso } from './renderAkomaNtoso.js';
import {
  craftedDocument,
  exportInput,
  irregularDocument,
  largeAgreement,
  templateActionPlan,
  templateAgreement,
} from './exportTestDocuments.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCHEMA = path.resolve(repoRoot, '..', 'shared', 'data', 'akn', 'akomantoso30.xsd');
const dir = mkdtempSync(path.join(tmpdir(), 'accord-akn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Validates files against the official schema with one xmllint run (parsing the schema once). */
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

/** An XPath string value, through xmllint (namespace-agnostic paths with local-name()). */
function xpath(xml: string, expression: string): string {
  const result = spawnSync('xmllint', ['--xpath', `string(${expression})`, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  return result.stdout.replace(/\n$/, ''); // xmllint ends the value with a newline
}
const any = (name: string) => `*[local-name()='${name}']`;

const unescape = (s: string) =>
  s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

/** Elements carrying a GUID, with their eId, num and heading (as serialized by renderAkomaNtoso). */
function clauseElements(xml: string) {
  const pattern =
    /<(\w+) eId="([^"]+)"(?: GUID="([^"]+)")?[^>]*>\n\s*<num>([^<]*)<\/num>(?:\n\s*<heading>([^<]*)<\/heading>)?/g;
  return [...xml.matchAll(pattern)].map((m) => ({
    element: m[1]!,
    eId: m[2]!,
    guid: m[3] ?? null,
    num: unescape(m[4]!),
    heading: m[5] === undefined ? null : unescape(m[5]),
  }));
}

describe('renderAkomaNtoso', () => {
  it('validates against the Akoma Ntoso 3.0 schema for every template in every language', () => {
    const files: Record<string, string> = {};
    for (const language of DOCUMENT_LANGUAGES) {
      files[`agreement-${language}`] = renderAkomaNtoso(templateAgreement(language));
      files[`plan-${language}`] = renderAkomaNtoso(templateActionPlan(language));
      files[`blank-${language}`] = renderAkomaNtoso(
        exportInput(templates.blank.build({ language }), language, 'other'),
      );
      // a blank text exported as an agreement: a bill's body still needs one element
      files[`blank-bill-${language}`] = renderAkomaNtoso(
        exportInput(templates.blank.build({ language }), language, 'agreement'),
      );
    }
    validate(files);
    expect(files['agreement-en']).toContain('<bill name="agreement">');
    expect(files['plan-en']).toContain('<statement name="actionPlan">');
    expect(files['plan-en']).toContain('<mainBody>');
    expect(files['blank-en']).toContain('<doc name="document">');
  });

  it('validates documents with chapters, points, sub-points, annexes, actions, accents and markup characters', () => {
    const files: Record<string, string> = {};
    for (const language of ['es', 'pt', 'fr'] as const) {
      files[`crafted-${language}`] = renderAkomaNtoso(exportInput(craftedDocument(), language, 'agreement'));
      files[`crafted-plan-${language}`] = renderAkomaNtoso(
        exportInput(craftedDocument(), language, 'action_plan'),
      );
    }
    files.irregular = renderAkomaNtoso(exportInput(irregularDocument(), 'en', 'agreement'));
    files['irregular-plan'] = renderAkomaNtoso(exportInput(irregularDocument(), 'en', 'action_plan'));
    files.large = renderAkomaNtoso(exportInput(largeAgreement('en'), 'en', 'agreement'));
    validate(files);
  });

  it('names elements after the naming convention and matches num and heading to the rendering', () => {
    const input = exportInput(craftedDocument(), 'es', 'agreement');
    const xml = renderAkomaNtoso(input);
    const elements = clauseElements(xml);
    const eIds = elements.map((e) => e.eId);
    expect(eIds).toEqual(
      expect.arrayContaining([
        'chp_1',
        'chp_2',
        'art_1',
        'art_2__point_a',
        'art_2__point_b__point_ii__point_A',
        'art_3__para_1',
        'art_3__para_1__point_b',
        'art_3__para_2',
        'att_1',
        'att_1__para_1__point_a',
        'objective_1',
        'objective_1__action_2',
      ]),
    );
    expect(new Set(eIds).size).toBe(eIds.length);
    // every numbered clause is there once, by its stable id, with the number and heading shown
    // (in document order, but for the annex, which moves to the attachments at the end)
    const numbered = input.canonical.clauses.filter((c) => c.kind !== 'recital');
    expect(elements.map((e) => e.guid).sort()).toEqual(numbered.map((c) => c.clauseId).sort());
    for (const clause of numbered) {
      expect(elements.find((e) => e.guid === clause.clauseId)).toMatchObject({
        num: clause.label,
        heading: clause.heading || null,
      });
    }
    expect(elements.find((e) => e.eId === 'art_3__para_1__point_b')).toMatchObject({
      element: 'point',
      num: 'b)',
    });
    expect(elements.find((e) => e.eId === 'objective_1__action_1')).toMatchObject({
      element: 'hcontainer',
      num: 'Acción 1.1',
      heading: 'Formar paralegales <comunitarios>',
    });
    // recitals in the preamble keep their ids too
    const recital = input.canonical.clauses.find((c) => c.kind === 'recital')!;
    expect(xml).toContain(`<recital eId="rec_1" GUID="${recital.clauseId}">`);
  });

  it('keeps the text, escaped, in the right places', () => {
    const xml = renderAkomaNtoso(exportInput(craftedDocument(), 'es', 'agreement'));
    expect(xpath(xml, `//${any('docTitle')}`)).toBe('Acuerdo <Regional> & "Justicia" — São Tomé');
    expect(xpath(xml, `//*[@eId='art_1']/${any('content')}`).trim()).toBe(
      `Cláusula <b>"citada"</b> & 'otra' — ação, É, ç, œ, ñ`,
    );
    expect(xpath(xml, `//*[@eId='art_3__para_1']/${any('intro')}`).trim()).toBe(
      'Cada Parte deberávéase el sitio y esto.',
    );
    expect(xpath(xml, `//*[@eId='art_3__para_1']//${any('a')}/@href`)).toBe('https://example.org/a?b=1&c=2');
    expect(xml).not.toContain('javascript:');
    expect(xpath(xml, `//${any('preamble')}/${any('p')}[1]`)).toBe('Las Partes en el presente Acuerdo,');
    expect(xpath(xml, `//${any('attachment')}/${any('heading')}`)).toBe('Lista de <órganos> & "comités"');
    const action = `//*[@eId='objective_1__action_1']`;
    expect(xpath(xml, `${action}//${any('date')}[1]/@date`)).toBe('2025-01-15');
    expect(xpath(xml, `${action}//${any('inline')}[@name='actionStatus']`)).toBe('En curso');
    // an impossible date stays text rather than a date the schema would refuse
    expect(xpath(xml, `(//*[@eId='objective_1__action_2']//${any('td')})[3]`)).toBe('2025-02-30 – …');
    expect(xml).not.toMatch(/<date date="2025-02-30"/);
  });

  it('puts the final formula in conclusions and loose text of a clause in intro, hcontainer and wrapUp', () => {
    const xml = renderAkomaNtoso(templateAgreement('fr'));
    expect(xpath(xml, `//${any('conclusions')}`).trim()).toBe('Fait à …, le …');
    expect(xpath(xml, `//*[@eId='art_2']/${any('intro')}`).trim()).toBe(
      'Aux fins du présent Accord, on entend par :',
    );
    expect(xpath(xml, `//*[@eId='art_1']/${any('num')}`)).toBe('Article premier');
    expect(xpath(xml, `//*[@eId='chp_1']/${any('num')}`)).toBe('Chapitre premier');

    const objective = renderAkomaNtoso(exportInput(irregularDocument(), 'en', 'action_plan'));
    expect(xpath(objective, `//*[@eId='objective_1']/${any('intro')}`).trim()).toBe('intro text');
    expect(xpath(objective, `//*[@eId='objective_1']/${any('hcontainer')}[@name='text']`).trim()).toBe(
      'between',
    );
    expect(xpath(objective, `//*[@eId='objective_1']/${any('wrapUp')}`).trim()).toBe('after');
  });

  it('identifies Work, Expression and Manifestation with authors that resolve to references', () => {
    const input = exportInput(craftedDocument(), 'pt', 'agreement', {
      createdAt: new Date('2024-11-02T09:00:00Z'),
    });
    const xml = renderAkomaNtoso(input);
    const frbr = (level: string, child: string, attr = 'value') =>
      xpath(
        xml,
        `/${any('akomaNtoso')}/*/${any('meta')}/${any('identification')}/${any(level)}/${any(child)}/@${attr}`,
      );
    const work = '/akn/un/bill/2024-11-02/66f0c3a1b2c3d4e5f6a7b8c9';
    expect(frbr('FRBRWork', 'FRBRthis')).toBe(`${work}/!main`);
    expect(frbr('FRBRWork', 'FRBRuri')).toBe(work);
    expect(frbr('FRBRWork', 'FRBRdate', 'date')).toBe('2024-11-02');
    expect(frbr('FRBRWork', 'FRBRcountry')).toBe('un');
    expect(frbr('FRBRExpression', 'FRBRuri')).toBe(`${work}/por@2025-03-05`);
    expect(frbr('FRBRExpression', 'FRBRlanguage', 'language')).toBe('por');
    expect(frbr('FRBRExpression', 'FRBRversionNumber')).toBe('3');
    expect(frbr('FRBRManifestation', 'FRBRthis')).toBe(`${work}/por@2025-03-05/!main.xml`);
    expect(frbr('FRBRManifestation', 'FRBRdate', 'date')).toBe('2025-03-05');
    expect(frbr('FRBRWork', 'FRBRauthor', 'href')).toBe('#org_red-de-justicia-comunitaria');
    expect(frbr('FRBRManifestation', 'FRBRauthor', 'href')).toBe('#accord');
    expect(xpath(xml, `//${any('identification')}/@source`)).toBe('#accord');

    // every reference (#…) points to a TLC entry of references
    const tlcs = new Set([...xml.matchAll(/<TLC\w+ eId="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...xml.matchAll(/(?:href|refersTo|source)="#([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(tlcs).toContain(ref);
    expect(xml).toContain('showAs="Ação &amp; Cidadania"');

    const languages: Record<DocumentLanguage, string> = { en: 'eng', es: 'spa', pt: 'por', fr: 'fra' };
    for (const [language, code] of Object.entries(languages) as [DocumentLanguage, string][]) {
      expect(renderAkomaNtoso(templateAgreement(language))).toContain(`<FRBRlanguage language="${code}"/>`);
    }
  });

  it('uses the given country code, and "un" when there is none or it is not ISO 3166 alpha-2', () => {
    const json = templates.agreement.build({ language: 'en' });
    const country = (c?: string) =>
      xpath(
        renderAkomaNtoso(exportInput(json, 'en', 'agreement', { country: c })),
        `//${any('FRBRcountry')}/@value`,
      );
    expect(country('KE')).toBe('ke');
    expect(country(undefined)).toBe('un');
    expect(country('Kenya')).toBe('un');
  });

  it('keeps GUIDs and the Work across versions while eIds follow the new numbering', () => {
    const json = templates.agreement.build({ language: 'en' });
    const createdAt = new Date('2025-01-10T00:00:00Z');
    const v3 = renderAkomaNtoso(exportInput(json, 'en', 'agreement', { createdAt }));
    // version 4: a new article before the first one renumbers every article
    const chapter = json.content!.find((n) => n.type === 'chapter')!;
    chapter.content!.splice(1, 0, b.article('New', [b.paragraph('Inserted.')]));
    const v4 = renderAkomaNtoso(
      exportInput(json, 'en', 'agreement', {
        createdAt,
        version: {
          label: 'Version 4',
          number: 4,
          date: new Date('2025-04-01T10:00:00Z'),
          hash: 'b'.repeat(64),
        },
      }),
    );
    const byGuid = (xml: string) => new Map(clauseElements(xml).map((e) => [e.guid, e.eId]));
    const before = byGuid(v3);
    const after = byGuid(v4);
    const purpose = [...before].find(([, eId]) => eId === 'art_1')![0];
    expect(after.get(purpose)).toBe('art_2');
    for (const guid of before.keys()) expect(after.has(guid)).toBe(true);
    const workUri = (xml: string) => xpath(xml, `//${any('FRBRWork')}/${any('FRBRuri')}/@value`);
    expect(workUri(v4)).toBe(workUri(v3));
    expect(xpath(v4, `//${any('FRBRExpression')}/${any('FRBRuri')}/@value`)).toMatch(/\/eng@2025-04-01$/);
  });

  it('never writes a GUID or an eId twice, and drops characters XML forbids', () => {
    const xml = renderAkomaNtoso(exportInput(irregularDocument(), 'en', 'agreement'));
    const guids = [...xml.matchAll(/GUID="([^"]+)"/g)].map((m) => m[1]);
    const eIds = [...xml.matchAll(/eId="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(guids).size).toBe(guids.length);
    expect(new Set(eIds).size).toBe(eIds.length);
    expect(xml).toContain('Text with a control character and a lone  surrogate');
    expect(xml).toContain('quoted text');
    expect(xml).toContain('text in preamble');
  });
});
