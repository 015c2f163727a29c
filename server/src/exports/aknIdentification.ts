import type { XmlElement } from './serializeXml.js';

export interface AknIdentity {
  /** Work IRI, e.g. /akn/un/bill/2025-01-15/66f0c3…; the same for every version. */
  work: string;
  /** Expression IRI: the work in one language at one version date, e.g. …/spa@2025-03-05. */
  expression: string;
  /** Component: 'main', or 'annex_I' for an attachment. */
  component: string;
  workDate: string;
  workDateName: string;
  versionDate: string;
  versionNumber: number | null;
  country: string;
  /** ISO 639-2/B code: eng, spa, por, fra. */
  language: string;
  /** href of the author's TLCOrganization. */
  author: string;
  /** href of the TLCOrganization that produced the markup. */
  producer: string;
  title: string;
}

const value = (name: string, v: string): XmlElement => ({ name, attrs: { value: v } });

/**
 * `identification` with FRBRWork, FRBRExpression and FRBRManifestation, each with FRBRthis
 * (this component), FRBRuri (the whole document), FRBRdate and FRBRauthor. The manifestation
 * date is the version date, not the time of export, so re-exporting gives the same bytes.
 */
export function aknIdentification(id: AknIdentity): XmlElement {
  const component = `!${id.component}`;
  const manifestation = `${id.expression}/${component}.xml`;
  return {
    name: 'identification',
    attrs: { source: id.producer },
    children: [
      {
        name: 'FRBRWork',
        children: [
          value('FRBRthis', `${id.work}/${component}`),
          value('FRBRuri', id.work),
          { name: 'FRBRdate', attrs: { date: id.workDate, name: id.workDateName } },
          { name: 'FRBRauthor', attrs: { href: id.author } },
          value('FRBRcountry', id.country),
          value('FRBRname', id.title),
        ],
      },
      {
        name: 'FRBRExpression',
        children: [
          value('FRBRthis', `${id.expression}/${component}`),
          value('FRBRuri', id.expression),
          { name: 'FRBRdate', attrs: { date: id.versionDate, name: 'version' } },
          { name: 'FRBRauthor', attrs: { href: id.author } },
          ...(id.versionNumber === null ? [] : [value('FRBRversionNumber', String(id.versionNumber))]),
          { name: 'FRBRlanguage', attrs: { language: id.language } },
        ],
      },
      {
        name: 'FRBRManifestation',
        children: [
          value('FRBRthis', manifestation),
          value('FRBRuri', `${id.expression}.xml`),
          { name: 'FRBRdate', attrs: { date: id.versionDate, name: 'generation' } },
          { name: 'FRBRauthor', attrs: { href: id.producer } },
          value('FRBRformat', 'application/akn+xml'),
        ],
      },
    ],
  };
}
