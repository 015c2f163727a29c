import type { ClauseStatus, DocumentLanguage, PositionStance } from '@accord/shared';

export interface NegotiationExportLabels {
  clause: string;
  heading: string;
  status: string;
  statusNote: string;
  /** after the name of an organisation that has no member on the document any more */
  left: string;
  /** the amendments list: the negotiation status of the amended clause */
  clauseStatus: string;
  statuses: Record<ClauseStatus, string>;
  stances: Record<PositionStance, string>;
}

/** Words of the negotiation exports, in the document's language. */
export const NEGOTIATION_EXPORT_LABELS: Record<DocumentLanguage, NegotiationExportLabels> = {
  en: {
    clause: 'Clause',
    heading: 'Heading',
    status: 'Status',
    statusNote: 'Status note',
    left: 'left',
    clauseStatus: 'Clause status',
    statuses: {
      pending: 'Pending',
      agreed: 'Agreed',
      agreed_ad_referendum: 'Agreed ad referendum',
      bracketed: 'Bracketed',
    },
    stances: { support: 'Support', reservation: 'Reservation', objection: 'Objection' },
  },
  es: {
    clause: 'Cláusula',
    heading: 'Encabezado',
    status: 'Estado',
    statusNote: 'Nota del estado',
    left: 'ya no participa',
    clauseStatus: 'Estado de la cláusula',
    statuses: {
      pending: 'Pendiente',
      agreed: 'Acordada',
      agreed_ad_referendum: 'Acordada ad referéndum',
      bracketed: 'Entre corchetes',
    },
    stances: { support: 'Apoyo', reservation: 'Reserva', objection: 'Objeción' },
  },
  pt: {
    clause: 'Cláusula',
    heading: 'Título',
    status: 'Estado',
    statusNote: 'Nota do estado',
    left: 'já não participa',
    clauseStatus: 'Estado da cláusula',
    statuses: {
      pending: 'Pendente',
      agreed: 'Acordada',
      agreed_ad_referendum: 'Acordada ad referendum',
      bracketed: 'Entre colchetes',
    },
    stances: { support: 'Apoio', reservation: 'Reserva', objection: 'Objeção' },
  },
  fr: {
    clause: 'Clause',
    heading: 'Intitulé',
    status: 'Statut',
    statusNote: 'Note du statut',
    left: 'ne participe plus',
    clauseStatus: 'Statut de la clause',
    statuses: {
      pending: 'En attente',
      agreed: 'Convenue',
      agreed_ad_referendum: 'Convenue ad referendum',
      bracketed: 'Entre crochets',
    },
    stances: { support: 'Soutien', reservation: 'Réserve', objection: 'Objection' },
  },
};
