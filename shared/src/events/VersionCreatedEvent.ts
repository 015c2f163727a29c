/** Sent to every connection of the document when a version is frozen. */
export interface VersionCreatedEvent {
  type: 'version.created';
  documentId: string;
  number: number;
  name: string;
  actorId: string;
}
