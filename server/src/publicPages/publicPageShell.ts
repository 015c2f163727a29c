import { escapeXml as esc } from '../exports/escapeXml.js';

const STYLE = `
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1d2430; }
.kicker { margin: 0; color: #1f4e79; font-weight: 700; }
h1 { margin: 0.25rem 0 1rem; line-height: 1.25; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
table.files { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.files th, table.files td { border-bottom: 1px solid #c9ced6; padding: 0.4rem; text-align: left; vertical-align: top; }
code { font-size: 0.8rem; overflow-wrap: anywhere; }
.verify form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.result { font-size: 1.1rem; font-weight: 700; }
.result-match { color: #1b6e3a; } .result-nomatch { color: #a4262c; }
.published { border-top: 2px solid #1d2430; margin-top: 2rem; font-family: Georgia, "Times New Roman", serif; }
a { color: #1f4e79; }
`;

/**
 * The frame of every public page: a complete HTML page, no script, styles in the page (the CSP
 * allows inline styles), `lang` set. `body` must be escaped HTML already; `title` is escaped here.
 */
export function publicPageShell(options: {
  lang: string;
  title: string;
  body: string;
  extraStyle?: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${esc(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)}</title>
<style>${options.extraStyle ?? ''}${STYLE}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}
