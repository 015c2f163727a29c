import type { DocumentKind, DocumentLanguage } from '@accord/shared';
import { AknOrganisations } from './AknOrganisations.js';
import { aknIdentification, type AknIdentity } from './aknIdentification.js';
import type { ExportInput } from './ExportInput.js';
import type { ExportBlock, ExportClause, ExportInline, ExportParagraph } from './ExportTree.js';
import { actionCells } from './actionCells.js';
import { clauseTitle } from './clauseTitle.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { formatExportDate } from './formatExportDate.js';
import { aknSignoff, ENDORSED } from './aknSignoff.js';
import { signoffSection } from './signoffSection.js';
import { serializeXml, type XmlElement, type XmlNode } from './serializeXml.js';
import { toExportTree } from './toExportTree.js';

const NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** ISO 639-2/B codes, as FRBRlanguage and the expression IRI want them. */
const LANGUAGE_CODES: Readonly<Record<DocumentLanguage, string>> = {
  en: 'eng',
  es: 'spa',
  pt: 'por',
  fr: 'fra',
};

/**
 * Document type by kind: an agreement is drafted and adopted like a bill (body of chapters and
 * articles); an action plan is a statement (an organisation's official, not act-like, document
 * whose mainBody holds objectives and actions); anything else is a generic doc. See README.md.
 */
const DOCUMENT_TYPES: Readonly<
  Record<DocumentKind, { element: 'bill' | 'statement' | 'doc'; name: string }>
> = {
  agreement: { element: 'bill', name: 'agreement' },
  action_plan: { element: 'statement', name: 'actionPlan' },
  other: { element: 'doc', name: 'document' },
};

// Elements with mixed content, written on one line (see serializeXml).
const MIXED = new Set(['p', 'num', 'heading', 'docTitle', 'docStage', 'docDate', 'docNumber', 'th', 'td']);

/** Element (and hcontainer name) of each clause kind inside a hierarchy. */
const ELEMENTS = {
  chapter: { name: 'chapter', prefix: 'chp' },
  article: { name: 'article', prefix: 'art' },
  paragraph: { name: 'paragraph', prefix: 'para' },
  point: { name: 'point', prefix: 'point' },
  objective: { name: 'hcontainer', hcontainer: 'objective', prefix: 'objective' },
  action: { name: 'hcontainer', hcontainer: 'action', prefix: 'action' },
  // annexes become attachments; these two only appear where the schema of the editor is broken
  annex: { name: 'hcontainer', hcontainer: 'annex', prefix: 'annex' },
  recital: { name: 'hcontainer', hcontainer: 'recital', prefix: 'rec' },
} as const;

const el = (name: string, attrs: XmlElement['attrs'] = {}, children: XmlNode[] = []): XmlElement => ({
  name,
  attrs,
  children,
});
const text = (value: string): XmlNode => ({ text: value });
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const isIsoDate = (s: string | null): s is string =>
  !!s &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(s)) &&
  new Date(s).toISOString().startsWith(s);
// A number as an eId component: "1.2" (an action within its objective) keeps its last part.
const idNumber = (n: string) =>
  n
    .split('.')
    .pop()!
    .replace(/[^\p{L}\p{N}-]/gu, '') || 'x';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
/** A chapter's eId takes its ordinal in digits (`chp_2` for "Chapter II", as the examples). */
const arabic = (n: string) => {
  const roman = n.toUpperCase().replace(/[^IVXLCDM]/g, '');
  if (!roman) return idNumber(n);
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i]!]!;
    total += value < (ROMAN[roman[i + 1] ?? ''] ?? 0) ? -value : value;
  }
  return String(total);
};

function inlineNode(run: ExportInline): XmlNode {
  if (run.type === 'break') return el('br');
  let node: XmlNode = text(run.text);
  if (run.bold) node = el('b', {}, [node]);
  if (run.italic) node = el('i', {}, [node]);
  if (run.href) node = el('a', { href: run.href }, [node]);
  return node;
}

/**
 * Runs as AKN inlines. Bracketed text (its bracket characters included) is wrapped in the generic
 * `<inline name="bracketed">`, with the alternative's label as `title` ("Option A").
 */
function inlineNodes(runs: ExportInline[]): XmlNode[] {
  const out: XmlNode[] = [];
  let span = null as { bracket: string; nodes: XmlNode[] } | null;
  for (const run of runs) {
    const bracket: string | null = run.type === 'text' ? (run.bracket ?? null) : (span?.bracket ?? null);
    if (span && bracket !== span.bracket) {
      out.push(bracketedInline(span.bracket, span.nodes));
      span = null;
    }
    if (bracket !== null) (span ??= { bracket, nodes: [] }).nodes.push(inlineNode(run));
    else out.push(inlineNode(run));
  }
  if (span) out.push(bracketedInline(span.bracket, span.nodes));
  return out;
}

const bracketedInline = (option: string, nodes: XmlNode[]) =>
  el('inline', option ? { name: 'bracketed', title: option } : { name: 'bracketed' }, nodes);
const p = (para: ExportParagraph) => el('p', {}, inlineNodes(para.inlines));

/**
 * The document as Akoma Ntoso 3.0 XML, valid against the OASIS schema: FRBR identification of
 * Work (stable across versions), Expression (language and version) and Manifestation; the
 * organisations named in references; title in the preface; recitals in the preamble; chapters,
 * articles, paragraphs and points (objectives and actions as hcontainers) with eIds after the
 * naming convention (art_3__para_2__point_b) built from the numbers shown, and the stable
 * clause id as GUID, so clauses can be matched across versions even when renumbered; text
 * after the last clause as conclusions; annexes as attachments.
 */
export function renderAkomaNtoso(input: ExportInput): string {
  const { canonical, version } = input;
  const labels = EXPORT_LABELS[canonical.language];
  const tree = toExportTree(canonical);
  const type = DOCUMENT_TYPES[input.documentKind] ?? DOCUMENT_TYPES.other;
  const orgs = new AknOrganisations();
  const author = input.authorOrganisation ? orgs.ref(input.authorOrganisation) : orgs.accord;

  const country = /^[a-z]{2}$/i.test(input.country ?? '') ? input.country!.toLowerCase() : 'un';
  const language = LANGUAGE_CODES[canonical.language];
  const workDate = isoDay(input.createdAt ?? version.date);
  const work = `/akn/${country}/${type.element}/${workDate}/${encodeURIComponent(input.documentId)}`;
  const identity = (component: string, title: string): AknIdentity => ({
    work,
    expression: `${work}/${language}@${isoDay(version.date)}`,
    component,
    workDate,
    workDateName: input.createdAt ? 'creation' : 'version',
    versionDate: isoDay(version.date),
    versionNumber: version.number,
    country,
    language,
    author,
    producer: orgs.accord,
    title,
  });

  const eIds = new Set<string>();
  const guids = new Set<string>();
  const ids = (eId: string, clauseId: string | null) => {
    let unique = eId;
    for (let n = 2; eIds.has(unique); n++) unique = `${eId}_${n}`;
    eIds.add(unique);
    const guid = clauseId && !guids.has(clauseId) ? clauseId : undefined;
    if (guid) guids.add(guid);
    return { eId: unique, GUID: guid };
  };

  const orgList = (names: string[]): XmlNode[] =>
    names.flatMap((name, i) => [
      ...(i ? [text(', ')] : []),
      el('organization', { refersTo: orgs.ref(name) }, [text(name)]),
    ]);
  const dateNode = (d: string | null): XmlNode =>
    isIsoDate(d) ? el('date', { date: d }, [text(d)]) : text(d ?? '…');

  const fieldsTable = (c: ExportClause): XmlElement => {
    const f = c.clause.fields;
    const cells = actionCells(f, labels);
    const row = (label: string, content: XmlNode[]) =>
      el('tr', {}, [el('th', {}, [el('p', {}, [text(label)])]), el('td', {}, [el('p', {}, content)])]);
    return el('table', {}, [
      row(labels.lead, orgList(f?.leadOrganisations ?? [])),
      row(labels.partners, orgList(f?.partners ?? [])),
      row(
        labels.dates,
        f && (f.startDate || f.endDate) ? [dateNode(f.startDate), text(' – '), dateNode(f.endDate)] : [],
      ),
      row(labels.indicator, [text(cells.indicator)]),
      row(labels.status, [
        el('inline', { name: 'actionStatus', class: f?.status ?? '' }, [text(cells.status)]),
      ]),
    ]);
  };

  // A clause's text as plain blocks, where the schema allows no hierarchy (preamble, cells).
  const flat = (block: ExportBlock): XmlElement[] =>
    block.type === 'paragraph'
      ? [p(block)]
      : [el('p', {}, [text(clauseTitle(block.clause))]), ...block.children.flatMap(flat)];

  const textContainer = (paras: ExportParagraph[]) =>
    el('hcontainer', { name: 'text' }, [el('content', {}, paras.length ? paras.map(p) : [el('p')])]);

  /**
   * eId: articles, chapters and objectives count across the document, so they are not prefixed
   * by their chapter (`art_3`); paragraphs, points and actions are (`art_3__para_2__point_b`).
   */
  const hierarchy = (c: ExportClause, scope: string, parent: string): XmlElement => {
    const { kind, number, label, heading, clauseId } = c.clause;
    const spec = ELEMENTS[kind];
    const own = `${spec.prefix}_${kind === 'chapter' ? arabic(number) : idNumber(number)}`;
    const prefix = kind === 'paragraph' || kind === 'point' || kind === 'action' ? parent : scope;
    const { eId, GUID } = ids(prefix ? `${prefix}__${own}` : own, clauseId);
    const kids: XmlNode[] = [el('num', {}, [text(label)])];
    if (heading?.trim()) kids.push(el('heading', {}, [text(heading.trim())]));
    const extra = kind === 'action' ? [fieldsTable(c)] : [];
    const clauses = c.children.filter((b) => b.type === 'clause');
    if (!clauses.length) {
      const blocks = [...c.children.map((b) => p(b as ExportParagraph)), ...extra];
      kids.push(el('content', {}, blocks.length ? blocks : [el('p')]));
    } else {
      const first = c.children.indexOf(clauses[0]!);
      const last = c.children.lastIndexOf(clauses[clauses.length - 1]!);
      const intro = [...(c.children.slice(0, first) as ExportParagraph[]).map(p), ...extra];
      if (intro.length) kids.push(el('intro', {}, intro));
      let loose: ExportParagraph[] = [];
      for (const b of c.children.slice(first, last + 1)) {
        if (b.type === 'paragraph') {
          loose.push(b);
          continue;
        }
        if (loose.length) kids.push(textContainer(loose));
        loose = [];
        kids.push(hierarchy(b, scope, eId));
      }
      const wrapUp = (c.children.slice(last + 1) as ExportParagraph[]).map(p);
      if (wrapUp.length) kids.push(el('wrapUp', {}, wrapUp));
    }
    const attrs = { eId, GUID, ...('hcontainer' in spec ? { name: spec.hcontainer } : {}) };
    return el(spec.name, attrs, kids);
  };

  // Body: annexes go to attachments; text after the last clause is the conclusions.
  const annexes = tree.body.filter(
    (b): b is ExportClause => b.type === 'clause' && b.clause.kind === 'annex',
  );
  const main = tree.body.filter((b) => !annexes.includes(b as ExportClause));
  const lastClause = main.map((b) => b.type).lastIndexOf('clause');
  const conclusions: (ExportParagraph | XmlElement)[] =
    lastClause >= 0 ? (main.slice(lastClause + 1) as ExportParagraph[]) : [];
  const bodyBlocks = lastClause >= 0 ? main.slice(0, lastClause + 1) : main;
  const bodyChildren: XmlElement[] = [];
  let loose: ExportParagraph[] = [];
  const flush = () => {
    if (!loose.length) return;
    // a bill's body holds only hierarchy; mainBody takes paragraphs as they are
    if (type.element === 'bill') bodyChildren.push(textContainer(loose));
    else bodyChildren.push(...loose.map(p));
    loose = [];
  };
  for (const b of bodyBlocks) {
    if (b.type === 'paragraph') loose.push(b);
    else {
      flush();
      bodyChildren.push(hierarchy(b, '', ''));
    }
  }
  flush();
  if (!bodyChildren.length) bodyChildren.push(type.element === 'bill' ? textContainer([]) : el('p'));

  const preamble: XmlElement[] = [];
  for (const b of tree.preamble ?? []) {
    if (b.type === 'clause' && b.clause.kind === 'recital') {
      const recital = el(
        'recital',
        ids(`rec_${idNumber(b.clause.number)}`, b.clause.clauseId),
        b.children.flatMap(flat),
      );
      if (!recital.children!.length) recital.children!.push(el('p'));
      const previous = preamble[preamble.length - 1];
      if (previous?.name === 'recitals') previous.children!.push(recital);
      else preamble.push(el('recitals', {}, [recital]));
    } else preamble.push(...flat(b));
  }

  const attachments = annexes.map((annex, i) => {
    const scope = `att_${i + 1}`;
    const { GUID } = ids(scope, annex.clause.clauseId);
    const heading = annex.clause.heading?.trim();
    const content = annex.children.flatMap((b) =>
      b.type === 'paragraph' ? [p(b)] : [hierarchy(b, scope, scope)],
    );
    return el('attachment', { eId: scope, GUID }, [
      el('num', {}, [text(annex.clause.label)]),
      ...(heading ? [el('heading', {}, [text(heading)])] : []),
      el('doc', { name: 'annex' }, [
        el('meta', {}, [
          aknIdentification(
            identity(`annex_${idNumber(annex.clause.number)}`, heading ?? annex.clause.label),
          ),
        ]),
        el('preface', {}, [
          el('p', {}, [el('docNumber', {}, [text(annex.clause.label)])]),
          ...(heading ? [el('p', {}, [el('docTitle', {}, [text(heading)])])] : []),
        ]),
        el('mainBody', {}, content.length ? content : [el('p')]),
      ]),
    ]);
  });

  const bodyElement = el(type.element === 'bill' ? 'body' : 'mainBody', {}, bodyChildren);
  const signoff = aknSignoff(signoffSection(input), orgs);
  if (signoff) conclusions.push(signoff.conclusions);
  // identification and references last: the body registers the organisations it names
  const references = orgs.references();
  if (signoff?.workflow) references.children!.push(ENDORSED);
  const meta = el('meta', {}, [
    aknIdentification(identity('main', tree.title)),
    ...(signoff?.workflow ? [signoff.workflow] : []),
    references,
  ]);
  const preface = el('preface', {}, [
    el('p', { class: 'title' }, [el('docTitle', {}, [text(tree.title)])]),
    el('p', { class: 'version' }, [
      el('docStage', {}, [text(version.label)]),
      text(', '),
      el('docDate', { date: isoDay(version.date) }, [
        text(formatExportDate(version.date, canonical.language)),
      ]),
    ]),
  ]);
  const document = el(type.element, { name: type.name }, [
    meta,
    preface,
    ...(preamble.length ? [el('preamble', {}, preamble)] : []),
    bodyElement,
    ...(conclusions.length
      ? [
          el(
            'conclusions',
            {},
            conclusions.map((c) => ('inlines' in c ? p(c) : c)),
          ),
        ]
      : []),
    ...(attachments.length ? [el('attachments', {}, attachments)] : []),
  ]);
  return serializeXml(el('akomaNtoso', { xmlns: NAMESPACE }, [document]), MIXED);
}
