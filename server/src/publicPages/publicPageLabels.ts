import type { DocumentLanguage, ExportFormat } from '@accord/shared';

export interface PublicPageLabels {
  downloads: string;
  format: string;
  verifyTitle: string;
  verifyHelp: string;
  verifyFile: string;
  verifyButton: string;
  /** `{format}` is replaced */
  match: string;
  noMatch: string;
  back: string;
  publishedText: string;
}

/** Format names as the page lists them (the same in every language). */
export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  html: 'HTML',
  md: 'Markdown',
  akn: 'Akoma Ntoso (XML)',
};

/** The words of the public pages, in the published text's language (the rest: EXPORT_LABELS). */
export const PUBLIC_PAGE_LABELS: Readonly<Record<DocumentLanguage, PublicPageLabels>> = {
  en: {
    downloads: 'Downloads',
    format: 'Format',
    verifyTitle: 'Verify a copy',
    verifyHelp: 'Check whether a file you received is byte-identical to one of these files.',
    verifyFile: 'File',
    verifyButton: 'Verify',
    match: 'This file is identical to the published {format} file.',
    noMatch: 'This file is not identical to any file of this publication.',
    back: 'Back to the publication',
    publishedText: 'Published text',
  },
  es: {
    downloads: 'Descargas',
    format: 'Formato',
    verifyTitle: 'Verificar una copia',
    verifyHelp: 'Compruebe si un archivo que recibió es idéntico, byte a byte, a uno de estos archivos.',
    verifyFile: 'Archivo',
    verifyButton: 'Verificar',
    match: 'Este archivo es idéntico al archivo {format} publicado.',
    noMatch: 'Este archivo no es idéntico a ningún archivo de esta publicación.',
    back: 'Volver a la publicación',
    publishedText: 'Texto publicado',
  },
  pt: {
    downloads: 'Downloads',
    format: 'Formato',
    verifyTitle: 'Verificar uma cópia',
    verifyHelp: 'Verifique se um arquivo que você recebeu é idêntico, byte a byte, a um destes arquivos.',
    verifyFile: 'Arquivo',
    verifyButton: 'Verificar',
    match: 'Este arquivo é idêntico ao arquivo {format} publicado.',
    noMatch: 'Este arquivo não é idêntico a nenhum arquivo desta publicação.',
    back: 'Voltar à publicação',
    publishedText: 'Texto publicado',
  },
  fr: {
    downloads: 'Téléchargements',
    format: 'Format',
    verifyTitle: 'Vérifier une copie',
    verifyHelp: 'Vérifiez si un fichier reçu est identique, octet par octet, à l’un de ces fichiers.',
    verifyFile: 'Fichier',
    verifyButton: 'Vérifier',
    match: 'Ce fichier est identique au fichier {format} publié.',
    noMatch: 'Ce fichier n’est identique à aucun fichier de cette publication.',
    back: 'Retour à la publication',
    publishedText: 'Texte publié',
  },
};
