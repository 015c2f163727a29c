import { dropForbiddenXmlChars } from './dropForbiddenXmlChars.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value for XML and HTML: markup characters escaped, forbidden characters dropped. */
export function escapeXml(value: string): string {
  return dropForbiddenXmlChars(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
