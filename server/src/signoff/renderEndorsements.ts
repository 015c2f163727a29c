import type { DocumentLanguage, PresentedPublicationSignoff } from '@accord/shared';
import { escapeXml as esc } from '../exports/escapeXml.js';
import { formatExportDate } from '../exports/formatExportDate.js';

const LABELS: Readonly<Record<DocumentLanguage, { title: string; none: string; override: string }>> = {
  en: {
    title: 'Endorsed by',
    none: 'No organisation had endorsed this version when it was published.',
    override: 'Published without every endorsement. Reason:',
  },
  es: {
    title: 'Respaldado por',
    none: 'Ninguna organización había respaldado esta versión cuando se publicó.',
    override: 'Publicado sin todos los respaldos. Motivo:',
  },
  pt: {
    title: 'Endossado por',
    none: 'Nenhuma organização tinha endossado esta versão quando foi publicada.',
    override: 'Publicado sem todos os endossos. Motivo:',
  },
  fr: {
    title: 'Approuvé par',
    none: 'Aucune organisation n’avait approuvé cette version lors de sa publication.',
    override: 'Publié sans toutes les approbations. Motif :',
  },
};

/**
 * The public page's sign-off section: each endorsing organisation (name, country) with the date
 * of its endorsement, and the override reason when it was published without every endorsement.
 * Empty when the version had no sign-off round.
 */
export function renderEndorsements(
  signoff: PresentedPublicationSignoff | null,
  language: DocumentLanguage,
): string {
  if (!signoff) return '';
  const words = LABELS[language] ?? LABELS.en;
  const rows = signoff.endorsements
    .map(
      ({ organisation, at }) =>
        `<li>${esc(organisation.name)} (${esc(organisation.country)}) — <time datetime="${esc(at)}">${esc(formatExportDate(new Date(at), language))}</time></li>`,
    )
    .join('\n');
  const override = signoff.override
    ? `<p class="override">${esc(words.override)} ${esc(signoff.override.reason)}</p>`
    : '';
  return `<section class="endorsements" aria-labelledby="endorsements">
<h2 id="endorsements">${esc(words.title)}</h2>
${rows ? `<ul>\n${rows}\n</ul>` : `<p>${esc(words.none)}</p>`}
${override}
</section>`;
}
