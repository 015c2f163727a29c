// Characters XML 1.0 forbids even as references: C0 controls but tab, CR and LF; U+FFFE and
// U+FFFF; unpaired surrogates.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text without the characters XML 1.0 forbids. Text typed or pasted into a document may hold
 * them (a stray form feed from a PDF copy), and one would make a whole XML, HTML or DOCX
 * export unreadable.
 */
export function dropForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}
