export type StructureLine =
  | { kind: 'chapter' | 'article' | 'annex' | 'objective' | 'action'; sourceNumber: string; heading: string }
  | { kind: 'preamble' };

// A word ends here (\b is ASCII-only, and "1.º" ends in a non-word character).
const END = String.raw`(?![\p{L}\p{N}])`;
// Separator, then heading: "Article 5 — Title", "Artículo 5. Título", "Art. 5: …", "Article 5 Title"
const REST = String.raw`(\s*[-–—:.)|]\s*|\s+)?(.*)$`;
const ORDINAL = String.raw`(\d+(?:\s?(?:er|ᵉʳ|º|°|\.º|o))?|[IVXLC]+(?:er)?|premier|primero|primeiro|único|unique|sole)`;

const PATTERNS: [string, RegExp][] = [
  ['article', new RegExp(String.raw`^(?:article|art[íi]culo|artigo|art\.)\s*${ORDINAL}${END}${REST}`, 'iu')],
  ['chapter', new RegExp(String.raw`^(?:chapter|cap[íi]tulo|chapitre)\s+${ORDINAL}${END}${REST}`, 'iu')],
  [
    'annex',
    new RegExp(
      String.raw`^(?:annexe|annex|anexo|appendix|ap[êe]ndice)${END}(?:\s+([IVXLC]+|\d+|[A-Z])${END})?${REST}`,
      'iu',
    ),
  ],
  ['objective', new RegExp(String.raw`^(?:objective|objetivo|objectif)\s+(\d+)${END}${REST}`, 'iu')],
  ['action', new RegExp(String.raw`^(?:action|acci[óo]n|a[çc][ãa]o)\s+(\d+(?:\.\d+)*)${END}${REST}`, 'iu')],
];

const PREAMBLE = /^(?:preamble|pre[áa]mbulo|pr[ée]ambule)\s*:?$/iu;

/**
 * Recognises the lines that open a structural unit in pasted or imported text, in English,
 * Spanish, Portuguese and French: "Article 5 — Title", "ARTÍCULO 5. Título", "Artigo 5.º",
 * "Article 1er", "Chapter II", "Capítulo IV - …", "Annex I", "Objective 2: …", "Action 1.3 …".
 * Markdown emphasis around the line ("**Article 5**") is ignored. Prose that merely starts with
 * such words ("Article 5 of the Convention applies …") is not a structure line: without a
 * separator the heading must not start in lower case.
 */
export function detectStructureLine(line: string): StructureLine | null {
  const text = line.replace(/^[*_]+|[*_]+$/g, '').trim();
  if (PREAMBLE.test(text)) return { kind: 'preamble' };
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const separator = m[2] ?? '';
    const heading = (m[3] ?? '').replace(/^[*_]+|[*_]+$/g, '').trim();
    if (!separator.trim() && /^\p{Ll}/u.test(heading)) continue;
    if (heading.length > 160) continue;
    return { kind: kind as 'article', sourceNumber: (m[1] ?? '').trim(), heading };
  }
  return null;
}
