/** Link schemes a document may contain; anything else (javascript:, data:, relative URLs) is refused. */
export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * True when `href` is an absolute URL with an allowed scheme. Used by the editor's Link mark
 * (parse, render, setLink, autolink, paste) and by server-side validation, so a link that the
 * editor would refuse is also reported when it arrives through Yjs or an import.
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\nscript:").
  // eslint-disable-next-line no-control-regex
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = SCHEME.exec(compact);
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  if (!(ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)) return false;
  if (scheme === 'mailto') return compact.length > 'mailto:'.length;
  return /^https?:\/\/[^/?#\s]+/i.test(compact);
}
