import type { AknOrganisations } from './AknOrganisations.js';
import type { SignoffSection } from './signoffSection.js';
import type { XmlElement, XmlNode } from './serializeXml.js';

const el = (name: string, attrs: XmlElement['attrs'] = {}, children: XmlNode[] = []): XmlElement => ({
  name,
  attrs,
  children,
});
const text = (value: string): XmlNode => ({ text: value });

/** The outcome of each endorsement step, a TLCConcept in `references`. */
export const ENDORSED: XmlElement = el('TLCConcept', {
  eId: 'endorsed',
  href: '/akn/ontology/concepts/accord/endorsed',
  showAs: 'Endorsed',
});

/**
 * A publication's sign-off in Akoma Ntoso: in the text, a `blockContainer` at the end of the
 * conclusions (where signatures go) with each endorsing organisation as `organization` and the
 * day as `date`; in the metadata, a `workflow` step per endorsement (date, `by` the
 * organisation, outcome `#endorsed`). Null without a sign-off.
 */
export function aknSignoff(
  section: SignoffSection | null,
  orgs: AknOrganisations,
): { conclusions: XmlElement; workflow: XmlElement | null } | null {
  if (!section) return null;
  const lines = section.entries.map((e) => {
    const rest = `${e.by ? `, ${e.by}` : ''}${e.note ? ` — ${e.note}` : ''}`;
    return {
      step: el('step', { date: e.isoDate, by: orgs.ref(e.organisation), outcome: '#endorsed' }),
      p: el('p', { class: 'endorsement' }, [
        el('organization', { refersTo: orgs.ref(e.organisation) }, [text(e.organisation)]),
        text(e.country ? ` (${e.country}) — ` : ' — '),
        el('date', { date: e.isoDate }, [text(e.date)]),
        text(rest),
      ]),
    };
  });
  const children: XmlNode[] = [
    el('heading', {}, [text(section.title)]),
    ...(section.none ? [el('p', {}, [text(section.none)])] : []),
    ...lines.map((line) => line.p),
    ...(section.override ? [el('p', { class: 'override' }, [text(section.override)])] : []),
  ];
  return {
    conclusions: el('blockContainer', { eId: 'endorsements', class: 'endorsements' }, children),
    workflow: lines.length
      ? el(
          'workflow',
          { source: '#accord' },
          lines.map((line) => line.step),
        )
      : null,
  };
}
