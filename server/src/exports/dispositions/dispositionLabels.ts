import type { CommentDisposition, CommentStatus, DocumentLanguage } from '@accord/shared';

export interface DispositionLabels {
  title: string;
  /** column headers */
  number: string;
  /** "Clause ({version})": where the clause stood in the version of the report */
  clauseIn: string;
  /** where the clause stands in the live text */
  clauseNow: string;
  quote: string;
  comment: string;
  author: string;
  organisation: string;
  country: string;
  status: string;
  replies: string;
  disposition: string;
  reason: string;
  recordedBy: string;
  /** cell texts */
  statuses: Readonly<Record<CommentStatus, string>>;
  dispositions: Readonly<Record<CommentDisposition, string>>;
  /** no disposition recorded yet */
  pending: string;
  /** the clause did not exist in the version of the report */
  notInVersion: string;
  /** the clause is no longer in the text */
  removed: string;
  deleted: string;
  teamOnly: string;
  /** "{n} comment threads" */
  threads: string;
}

/**
 * Words of the disposition-of-comments report, in the document's language. Version, date and
 * hash come from EXPORT_LABELS (server/src/exports/exportLabels.ts), clause labels from the
 * canonical rendering.
 */
export const DISPOSITION_LABELS: Readonly<Record<DocumentLanguage, DispositionLabels>> = {
  en: {
    title: 'Disposition of comments',
    number: 'No.',
    clauseIn: 'Clause ({version})',
    clauseNow: 'Clause now',
    quote: 'Quoted text',
    comment: 'Comment',
    author: 'Author',
    organisation: 'Organisation',
    country: 'Country',
    status: 'Status',
    replies: 'Replies',
    disposition: 'Disposition',
    reason: 'Reason',
    recordedBy: 'Recorded by',
    statuses: { open: 'Open', resolved: 'Resolved' },
    dispositions: {
      accepted: 'Accepted',
      partially_accepted: 'Partially accepted',
      not_accepted: 'Not accepted',
      noted: 'Noted',
    },
    pending: 'Pending',
    notInVersion: 'not in this version',
    removed: 'removed',
    deleted: '(deleted)',
    teamOnly: 'drafting team only',
    threads: '{n} comment threads',
  },
  es: {
    title: 'Tratamiento de los comentarios',
    number: 'N.º',
    clauseIn: 'Cláusula ({version})',
    clauseNow: 'Cláusula ahora',
    quote: 'Texto citado',
    comment: 'Comentario',
    author: 'Autor',
    organisation: 'Organización',
    country: 'País',
    status: 'Estado',
    replies: 'Respuestas',
    disposition: 'Decisión',
    reason: 'Motivo',
    recordedBy: 'Registrada por',
    statuses: { open: 'Abierto', resolved: 'Resuelto' },
    dispositions: {
      accepted: 'Aceptado',
      partially_accepted: 'Aceptado parcialmente',
      not_accepted: 'No aceptado',
      noted: 'Se toma nota',
    },
    pending: 'Pendiente',
    notInVersion: 'no figura en esta versión',
    removed: 'suprimida',
    deleted: '(eliminado)',
    teamOnly: 'solo equipo de redacción',
    threads: '{n} hilos de comentarios',
  },
  pt: {
    title: 'Tratamento dos comentários',
    number: 'Nº',
    clauseIn: 'Cláusula ({version})',
    clauseNow: 'Cláusula agora',
    quote: 'Texto citado',
    comment: 'Comentário',
    author: 'Autor',
    organisation: 'Organização',
    country: 'País',
    status: 'Situação',
    replies: 'Respostas',
    disposition: 'Decisão',
    reason: 'Motivo',
    recordedBy: 'Registrada por',
    statuses: { open: 'Aberto', resolved: 'Resolvido' },
    dispositions: {
      accepted: 'Aceito',
      partially_accepted: 'Aceito em parte',
      not_accepted: 'Não aceito',
      noted: 'Registrado',
    },
    pending: 'Pendente',
    notInVersion: 'não consta desta versão',
    removed: 'removida',
    deleted: '(excluído)',
    teamOnly: 'só equipe de redação',
    threads: '{n} conversas de comentários',
  },
  fr: {
    title: 'Suite donnée aux commentaires',
    number: 'N°',
    clauseIn: 'Clause ({version})',
    clauseNow: 'Clause actuelle',
    quote: 'Texte cité',
    comment: 'Commentaire',
    author: 'Auteur',
    organisation: 'Organisation',
    country: 'Pays',
    status: 'Statut',
    replies: 'Réponses',
    disposition: 'Suite donnée',
    reason: 'Motif',
    recordedBy: 'Enregistrée par',
    statuses: { open: 'Ouvert', resolved: 'Résolu' },
    dispositions: {
      accepted: 'Accepté',
      partially_accepted: 'Partiellement accepté',
      not_accepted: 'Non accepté',
      noted: 'Pris note',
    },
    pending: 'En attente',
    notInVersion: 'absente de cette version',
    removed: 'supprimée',
    deleted: '(supprimé)',
    teamOnly: 'équipe de rédaction seulement',
    threads: '{n} fils de commentaires',
  },
};
