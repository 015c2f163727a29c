import type { AmendmentState, DocumentLanguage } from '@accord/shared';

export interface AmendmentExportLabels {
  title: string;
  textProposed: string;
  amendment: string;
  amendmentNo: string;
  clause: string;
  kind: string;
  tabledBy: string;
  cosponsors: string;
  justification: string;
  state: string;
  decision: string;
  kinds: Record<'replace' | 'insertBefore' | 'insertAfter' | 'insertInside' | 'delete', string>;
  states: Record<AmendmentState, string>;
  accepted: string;
  acceptedWithChanges: string;
  rejected: string;
  legend: string;
}

/** Words of the amendments list exports, in the document's language. */
export const AMENDMENT_EXPORT_LABELS: Readonly<Record<DocumentLanguage, AmendmentExportLabels>> = {
  en: {
    title: 'Amendments',
    textProposed: 'Text proposed',
    amendment: 'Amendment',
    amendmentNo: 'Amendment',
    clause: 'Clause',
    kind: 'Kind',
    tabledBy: 'Tabled by',
    cosponsors: 'Co-sponsors',
    justification: 'Justification',
    state: 'State',
    decision: 'Decision',
    kinds: {
      replace: 'New wording',
      insertBefore: 'New clause before',
      insertAfter: 'New clause after',
      insertInside: 'New sub-clause in',
      delete: 'Deletion',
    },
    states: {
      pending: 'Pending',
      rebased: 'Pending (rebased)',
      conflict: 'Conflict',
      obsolete: 'Obsolete',
      accepted: 'Accepted',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    accepted: 'Accepted by {name} on {date}',
    acceptedWithChanges: 'Accepted with changes by {name} on {date}',
    rejected: 'Rejected by {name} on {date}: {reason}',
    legend:
      'Deleted words are struck through; added words are in bold italics; words whose formatting changes are underlined.',
  },
  es: {
    title: 'Enmiendas',
    textProposed: 'Texto propuesto',
    amendment: 'Enmienda',
    amendmentNo: 'Enmienda',
    clause: 'Cláusula',
    kind: 'Tipo',
    tabledBy: 'Presentada por',
    cosponsors: 'Copatrocinadores',
    justification: 'Justificación',
    state: 'Estado',
    decision: 'Decisión',
    kinds: {
      replace: 'Nueva redacción',
      insertBefore: 'Nueva cláusula antes',
      insertAfter: 'Nueva cláusula después',
      insertInside: 'Nueva subcláusula en',
      delete: 'Supresión',
    },
    states: {
      pending: 'Pendiente',
      rebased: 'Pendiente (actualizada)',
      conflict: 'Conflicto',
      obsolete: 'Obsoleta',
      accepted: 'Aceptada',
      rejected: 'Rechazada',
      withdrawn: 'Retirada',
    },
    accepted: 'Aceptada por {name} el {date}',
    acceptedWithChanges: 'Aceptada con cambios por {name} el {date}',
    rejected: 'Rechazada por {name} el {date}: {reason}',
    legend:
      'Las palabras suprimidas aparecen tachadas; las añadidas, en negrita cursiva; las que cambian de formato, subrayadas.',
  },
  pt: {
    title: 'Emendas',
    textProposed: 'Texto proposto',
    amendment: 'Emenda',
    amendmentNo: 'Emenda',
    clause: 'Cláusula',
    kind: 'Tipo',
    tabledBy: 'Apresentada por',
    cosponsors: 'Copatrocinadores',
    justification: 'Justificação',
    state: 'Estado',
    decision: 'Decisão',
    kinds: {
      replace: 'Nova redação',
      insertBefore: 'Nova cláusula antes',
      insertAfter: 'Nova cláusula depois',
      insertInside: 'Nova subcláusula em',
      delete: 'Supressão',
    },
    states: {
      pending: 'Pendente',
      rebased: 'Pendente (atualizada)',
      conflict: 'Conflito',
      obsolete: 'Obsoleta',
      accepted: 'Aceite',
      rejected: 'Rejeitada',
      withdrawn: 'Retirada',
    },
    accepted: 'Aceite por {name} em {date}',
    acceptedWithChanges: 'Aceite com alterações por {name} em {date}',
    rejected: 'Rejeitada por {name} em {date}: {reason}',
    legend:
      'As palavras suprimidas aparecem riscadas; as acrescentadas, a negrito itálico; as que mudam de formatação, sublinhadas.',
  },
  fr: {
    title: 'Amendements',
    textProposed: 'Texte proposé',
    amendment: 'Amendement',
    amendmentNo: 'Amendement',
    clause: 'Clause',
    kind: 'Type',
    tabledBy: 'Déposé par',
    cosponsors: 'Coauteurs',
    justification: 'Justification',
    state: 'État',
    decision: 'Décision',
    kinds: {
      replace: 'Nouvelle rédaction',
      insertBefore: 'Nouvelle clause avant',
      insertAfter: 'Nouvelle clause après',
      insertInside: 'Nouvelle sous-clause dans',
      delete: 'Suppression',
    },
    states: {
      pending: 'En attente',
      rebased: 'En attente (mis à jour)',
      conflict: 'Conflit',
      obsolete: 'Caduc',
      accepted: 'Adopté',
      rejected: 'Rejeté',
      withdrawn: 'Retiré',
    },
    accepted: 'Adopté par {name} le {date}',
    acceptedWithChanges: 'Adopté avec modifications par {name} le {date}',
    rejected: 'Rejeté par {name} le {date} : {reason}',
    legend:
      'Les mots supprimés sont barrés ; les mots ajoutés sont en gras italique ; les mots dont la mise en forme change sont soulignés.',
  },
};
