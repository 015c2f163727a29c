import type { AmendmentsChangedEvent } from '../amendments/AmendmentsChangedEvent.js';
import type { CommentsChangedEvent } from './CommentsChangedEvent.js';
import type { MemberChangedEvent } from './MemberChangedEvent.js';
import type { NotificationCreatedEvent } from './NotificationCreatedEvent.js';
import type { VersionCreatedEvent } from './VersionCreatedEvent.js';
import type { WorkflowChangedEvent } from './WorkflowChangedEvent.js';
import type { NegotiationChangedEvent } from './NegotiationChangedEvent.js';
import type { SignoffChangedEvent } from './SignoffChangedEvent.js';
import type { DocumentSettingsChangedEvent } from './DocumentSettingsChangedEvent.js';

/**
 * Everything the server sends on the collaboration socket as ACCORD_EVENT (JSON), and on a
 * user's own live channel (GET /api/events, Server-Sent Events, for news that concerns them
 * outside any one document: a notification, an invitation). A new kind of
 * event is one interface added to this union: the server's broadcast accepts only this type and
 * the client's `session.on(type, listener)` derives its types from it.
 */
export type AccordEvent =
  | CommentsChangedEvent
  | NotificationCreatedEvent
  | MemberChangedEvent
  | WorkflowChangedEvent
  | VersionCreatedEvent
  | NegotiationChangedEvent
  | SignoffChangedEvent
  | AmendmentsChangedEvent
  | DocumentSettingsChangedEvent;

export type AccordEventType = AccordEvent['type'];

/** The event of one type, e.g. `AccordEventOf<'comments.changed'>`. */
export type AccordEventOf<T extends AccordEventType> = Extract<AccordEvent, { type: T }>;
