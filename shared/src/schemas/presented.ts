import type { WorkflowState } from './versions.js';
/** Shapes the REST API returns (built by the server's presenters). */
import type { Abilities, Role } from '../roles.js';
import type { DocumentKind, DocumentLanguage } from '../documentKinds.js';
import type { OrganisationKind } from '../organisationKinds.js';

export interface PresentedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string;
}

export interface PresentedUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  organisation: PresentedOrganisation | null;
}

export interface PresentedDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  language: DocumentLanguage;
  state: WorkflowState;
  /** nobody can change the text (locked review, final, published) */
  textLocked: boolean;
  /** publications of this document have public pages */
  public: boolean;
  /** a coordinator archived it: hidden from My documents unless asked for */
  archived: boolean;
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  /** the requesting user's role on this document */
  role: Role;
  abilities: Abilities;
}

export interface PresentedMember {
  userId: string;
  /** sent to coordinators only (issue 12): other members see names and organisations */
  email?: string;
  name: string;
  organisation: PresentedOrganisation | null;
  role: Role;
  /** whether the requesting user may change or remove this membership */
  canManage: boolean;
}
