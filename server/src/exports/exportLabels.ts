import type { ActionStatus, DocumentLanguage } from '@accord/shared';

export interface ExportLabels {
  version: string;
  /** the label of an export of the current, unfrozen text */
  liveText: string;
  publication: string;
  date: string;
  hash: string;
  document: string;
  author: string;
  /** Page footer; `{n}` and `{total}` are replaced (DOCX splits on them to insert page fields). */
  pageOf: string;
  /** Column headers of the table of actions. */
  action: string;
  lead: string;
  partners: string;
  dates: string;
  indicator: string;
  status: string;
  statuses: Readonly<Record<ActionStatus, string>>;
  /** A publication's sign-off, after the text. */
  endorsedBy: string;
  noEndorsements: string;
  /** before the reason a coordinator gave for publishing without every endorsement */
  override: string;
}

/**
 * Words the exports add around the text, in the document's language (clause labels such as
 * "Artículo 3" come from the canonical rendering, not from here).
 */
export const EXPORT_LABELS: Readonly<Record<DocumentLanguage, ExportLabels>> = {
  en: {
    version: 'Version',
    liveText: 'Live text',
    publication: 'Publication',
    date: 'Date',
    hash: 'SHA-256',
    document: 'Document',
    author: 'Author',
    pageOf: 'Page {n} of {total}',
    action: 'Action',
    lead: 'Lead',
    partners: 'Partners',
    dates: 'Dates',
    indicator: 'Indicator',
    status: 'Status',
    statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', blocked: 'Blocked' },
    endorsedBy: 'Endorsed by',
    noEndorsements: 'No organisation had endorsed this version when it was published.',
    override: 'Published without every endorsement. Reason:',
  },
  es: {
    version: 'Versión',
    liveText: 'Texto en curso',
    publication: 'Publicación',
    date: 'Fecha',
    hash: 'SHA-256',
    document: 'Documento',
    author: 'Autor',
    pageOf: 'Página {n} de {total}',
    action: 'Acción',
    lead: 'Responsable',
    partners: 'Socios',
    dates: 'Fechas',
    indicator: 'Indicador',
    status: 'Estado',
    statuses: { planned: 'Prevista', in_progress: 'En curso', done: 'Terminada', blocked: 'Bloqueada' },
    endorsedBy: 'Respaldado por',
    noEndorsements: 'Ninguna organización había respaldado esta versión cuando se publicó.',
    override: 'Publicado sin todos los respaldos. Motivo:',
  },
  pt: {
    version: 'Versão',
    liveText: 'Texto atual',
    publication: 'Publicação',
    date: 'Data',
    hash: 'SHA-256',
    document: 'Documento',
    author: 'Autor',
    pageOf: 'Página {n} de {total}',
    action: 'Ação',
    lead: 'Responsável',
    partners: 'Parceiros',
    dates: 'Datas',
    indicator: 'Indicador',
    status: 'Situação',
    statuses: { planned: 'Prevista', in_progress: 'Em andamento', done: 'Concluída', blocked: 'Bloqueada' },
    endorsedBy: 'Endossado por',
    noEndorsements: 'Nenhuma organização tinha endossado esta versão quando foi publicada.',
    override: 'Publicado sem todos os endossos. Motivo:',
  },
  fr: {
    version: 'Version',
    liveText: 'Texte en cours',
    publication: 'Publication',
    date: 'Date',
    hash: 'SHA-256',
    document: 'Document',
    author: 'Auteur',
    pageOf: 'Page {n} sur {total}',
    action: 'Action',
    lead: 'Responsable',
    partners: 'Partenaires',
    dates: 'Dates',
    indicator: 'Indicateur',
    status: 'Statut',
    statuses: { planned: 'Prévue', in_progress: 'En cours', done: 'Terminée', blocked: 'Bloquée' },
    endorsedBy: 'Approuvé par',
    noEndorsements: 'Aucune organisation n’avait approuvé cette version lors de sa publication.',
    override: 'Publié sans toutes les approbations. Motif :',
  },
};
