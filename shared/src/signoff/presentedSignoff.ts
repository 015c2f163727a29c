import type { PresentedOrganisation } from '../schemas/presented.js';
import type { SignoffDecision } from './signoffValues.js';

export interface SignoffActor {
  id: string;
  name: string;
}

/** One decision of one organisation (the latest per organisation counts). */
export interface PresentedSignoffDecision {
  organisationId: string;
  seq: number;
  decision: SignoffDecision;
  note: string | null;
  by: SignoffActor;
  at: string;
}

/** A sign-off round on a frozen version. */
export interface PresentedSignoffRound {
  version: number;
  note: string | null;
  openedBy: SignoffActor;
  openedAt: string;
  /** every required organisation with its latest decision (null: none yet) */
  organisations: Array<{ organisation: PresentedOrganisation; latest: PresentedSignoffDecision | null }>;
  /** every decision, oldest first */
  history: PresentedSignoffDecision[];
  endorsed: number;
  required: number;
  complete: boolean;
  /** coordinators' overrides recorded to publish without every endorsement */
  overrides: Array<{ reason: string; by: SignoffActor; at: string }>;
  can: {
    /** the reader's organisation is asked and the reader may answer for it */
    decide: boolean;
    /** the reader's organisation, if it is asked */
    organisationId: string | null;
  };
}

/** What a publication says of its sign-off (null: it had no round). */
export interface PresentedPublicationSignoff {
  /** organisations that had endorsed when it was published, with the date of their endorsement */
  endorsements: Array<{ organisation: PresentedOrganisation; at: string }>;
  /** the override that let it be published without every endorsement */
  override: { reason: string; by: SignoffActor; at: string } | null;
}
