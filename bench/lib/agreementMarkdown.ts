export interface AgreementShape {
  chapters: number;
  articles: number;
  paragraphsPerArticle: number;
  pointsPerArticle: number;
}

/** An agreement as a Markdown file, as someone would upload it (POST /api/imports/preview). */
export function agreementMarkdown(shape: AgreementShape): string {
  const lines = [
    '# Regional Agreement on Access to Justice',
    '',
    'The Parties to this Agreement,',
    '',
    '- Recognizing that access to justice is a human right,',
    '',
    'Have agreed as follows:',
  ];
  const perChapter = shape.articles / shape.chapters;
  for (let n = 1; n <= shape.articles; n++) {
    if ((n - 1) % perChapter === 0)
      lines.push('', `Chapter ${Math.ceil(n / perChapter)} — Part ${Math.ceil(n / perChapter)}`);
    lines.push('', `Article ${n} — Heading of article ${n}`, '');
    for (let p = 1; p <= shape.paragraphsPerArticle; p++) {
      lines.push(
        `${p}. Each Party shall take the measures necessary to give effect to paragraph ${p} of article ${n}, including:`,
      );
      if (p === 1)
        for (let q = 0; q < shape.pointsPerArticle; q++)
          lines.push(`   ${'abc'[q]}) adopting legislation and policies to that end;`);
    }
  }
  return lines.join('\n');
}
