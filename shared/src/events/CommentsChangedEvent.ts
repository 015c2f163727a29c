/**
 * Sent after every comment change, only to connections whose user may see the thread. Carries no
 * content: fetch GET /api/comments/:threadId. `hidden`: the thread became team-only and this
 * recipient may no longer see it.
 */
export interface CommentsChangedEvent {
  type: 'comments.changed';
  documentId: string;
  threadId: string;
  commentId: string;
  change:
    | 'created'
    | 'replied'
    | 'edited'
    | 'deleted'
    | 'restored'
    | 'resolved'
    | 'reopened'
    | 'visibility'
    | 'disposition'
    | 'hidden';
  /** who made the change: their own tab already has the thread from its answer */
  actorId: string;
  at: string;
}
