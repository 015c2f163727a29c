import type { ExportInput } from './ExportInput.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { formatExportDate } from './formatExportDate.js';

export interface SignoffEntry {
  organisation: string;
  country: string;
  /** "8 December 2026", and YYYY-MM-DD (UTC) for machine-readable dates */
  date: string;
  isoDate: string;
  by: string;
  note: string | null;
  /** the whole line: "Paralegal Network (KE) — 8 December 2026, Rosa Reviewer — note" */
  text: string;
}

/** The "Endorsed by" section every format writes after the text of a publication. */
export interface SignoffSection {
  title: string;
  entries: SignoffEntry[];
  /** the sentence shown instead when no organisation had endorsed */
  none: string | null;
  /** "Published without every endorsement. Reason: … (name, date)" */
  override: string | null;
}

/** The section, in the document's language; null when the input carries no sign-off. */
export function signoffSection(input: ExportInput): SignoffSection | null {
  const { signoff } = input;
  if (!signoff) return null;
  const language = input.canonical.language;
  const labels = EXPORT_LABELS[language];
  const entries = signoff.endorsements.map((e) => {
    const date = formatExportDate(e.at, language);
    const who = `${e.organisation}${e.country ? ` (${e.country})` : ''}`;
    const text = `${who} — ${date}${e.by ? `, ${e.by}` : ''}${e.note ? ` — ${e.note}` : ''}`;
    return { ...e, date, isoDate: e.at.toISOString().slice(0, 10), text };
  });
  const { override } = signoff;
  return {
    title: labels.endorsedBy,
    entries,
    none: entries.length ? null : labels.noEndorsements,
    override: override
      ? `${labels.override} ${override.reason} (${[override.by, formatExportDate(override.at, language)].filter(Boolean).join(', ')})`
      : null,
  };
}
