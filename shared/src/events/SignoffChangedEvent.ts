/** Sent to every connection of the document when a sign-off round opens or an organisation answers. */
export interface SignoffChangedEvent {
  type: 'signoff.changed';
  documentId: string;
  version: number;
}
