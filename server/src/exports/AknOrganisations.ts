import type { XmlElement } from './serializeXml.js';

const ACCORD = { eId: 'accord', slug: 'accord', name: 'Accord' };

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'organisation';

/**
 * The organisations an Akoma Ntoso export names (Accord as the source of the markup, the
 * author, lead organisations and partners of actions), each once, as TLCOrganization entries
 * in `references` that `#eId` hrefs and refersTo attributes point to. Entries keep the order in
 * which they were first named, so the same document always gives the same references.
 */
export class AknOrganisations {
  private readonly entries: { eId: string; slug: string; name: string }[] = [ACCORD];
  private readonly byName = new Map<string, string>([[ACCORD.name, ACCORD.eId]]);
  private readonly eIds = new Set<string>([ACCORD.eId]);

  /** '#accord': the producer of the markup (identification and references source). */
  readonly accord = `#${ACCORD.eId}`;

  /** '#org_…' for an organisation's name, registering it on first use. */
  ref(name: string): string {
    let eId = this.byName.get(name);
    if (!eId) {
      const slug = slugOf(name);
      eId = `org_${slug}`;
      for (let n = 2; this.eIds.has(eId); n++) eId = `org_${slug}-${n}`;
      this.eIds.add(eId);
      this.byName.set(name, eId);
      this.entries.push({ eId, slug: eId.slice(4), name });
    }
    return `#${eId}`;
  }

  references(): XmlElement {
    return {
      name: 'references',
      attrs: { source: this.accord },
      children: this.entries.map(({ eId, slug, name }) => ({
        name: 'TLCOrganization',
        attrs: { eId, href: `/akn/ontology/organization/${slug}`, showAs: name },
      })),
    };
  }
}
