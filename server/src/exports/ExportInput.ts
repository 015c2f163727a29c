import type { CanonicalDocument, DocumentKind } from '@accord/shared';

/** The version an export is made from, as shown on its title page and in its metadata. */
export interface ExportVersion {
  /** What readers see: 'Version 3', 'Live text', 'Publication 1.0'. */
  label: string;
  /** The version number, or null for the live text. */
  number: number | null;
  /** When the version was frozen (or the live text read). Every date in the output derives from it. */
  date: Date;
  /** SHA-256 (hex) of the canonical rendering. */
  hash: string;
}

/** A publication's sign-off as recorded when it was published: the "Endorsed by" section. */
export interface ExportSignoff {
  endorsements: readonly {
    organisation: string;
    country: string;
    by: string;
    at: Date;
    note: string | null;
  }[];
  override: { reason: string; by: string; at: Date } | null;
}

/**
 * What every export format renders from. The text comes only from `canonical` (the canonical
 * rendering stored with the version), so all formats say the same thing; nothing here reads
 * the clock, so the same input gives byte-identical output.
 */
export interface ExportInput {
  canonical: CanonicalDocument;
  documentKind: DocumentKind;
  version: ExportVersion;
  documentId: string;
  authorOrganisation?: string;
  /**
   * ISO 3166-1 alpha-2 code of the jurisdiction, for the Akoma Ntoso IRIs (FRBRcountry).
   * Defaults to 'un' (see README.md: international instruments have no national jurisdiction).
   */
  country?: string;
  /**
   * When the document was created: the date of the Akoma Ntoso Work, which stays the same
   * across versions so that exports of later versions name the same Work. Defaults to
   * `version.date`.
   */
  createdAt?: Date;
  /**
   * A publication after a sign-off round: who endorsed it, shown after the text. Absent (every
   * other export, and publications from before it was recorded): nothing is shown, so those
   * render the bytes they always did.
   */
  signoff?: ExportSignoff;
}
