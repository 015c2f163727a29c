import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { policyExtensions, type DocumentLanguage } from '@accord/shared';
import { renderCaret } from './renderCaret';
import { CommentHighlights } from '../comments/CommentHighlights';
import { ActionWithFields } from './actionFields/ActionWithFields';
import type { DocumentComments } from '../comments/DocumentComments';
import type { ClauseDeletion } from './deletion/ClauseDeletion';
import { ClauseDeletionExtension } from './deletion/ClauseDeletionExtension';
import { FollowMovedClause } from './followMovedClause';
import { CaretKeepsItsPlace } from './caretKeepsItsPlace';
import { CaretStaysWithText } from './caretStaysWithText';
import { DocumentSearchExtension } from '../search/DocumentSearchExtension';

export interface EditorExtensionsOptions {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: { id: string; name: string; color: string };
  /** the document's language: clause labels (Article / Artículo / Artigo / Article) follow it */
  language: DocumentLanguage;
  /** the session's comments: highlighted in the text */
  comments: DocumentComments;
  /** the session's clause deletion (asks before deleting a clause with text or comments) */
  deletion: ClauseDeletion;
  /** others' carets are shown and this person's is published (not in low-data mode) */
  carets: boolean;
}

/**
 * The editor's extensions: the policy-document schema from shared/ (the same one the server
 * validates and renders with — SCHEMA_VERSION versions it), then the collaboration bindings.
 * The schema must match what is stored: y-prosemirror drops Yjs content a schema does not know.
 */
export function editorExtensions({
  ydoc,
  provider,
  user,
  language,
  comments,
  deletion,
  carets,
}: EditorExtensionsOptions): Extensions {
  return [
    // the same schema; only the action node gets a view with its fields
    ...policyExtensions({ language }).map((extension) =>
      extension.name === ActionWithFields.name ? ActionWithFields : extension,
    ),
    // Yjs keeps the undo history (policyExtensions has no ProseMirror history: it would undo
    // other people's edits)
    Collaboration.configure({ document: ydoc, field: 'default' }),
    // the server replaces `user` with the signed-in user's name and colour; carets show what
    // awareness says, so nobody can appear under another name
    // (in low-data mode neither: no caret is received, and publishing ours would cost a message
    // per move)
    ...(carets ? [CollaborationCaret.configure({ provider, user, render: renderCaret })] : []),
    // the caret stays after the character it was after when others' changes arrive (before the
    // plugins below, which handle carets whose character went away)
    CaretKeepsItsPlace,
    // comment anchors as decorations (never in the document) and the clause comment button
    CommentHighlights.configure({ comments }),
    ClauseDeletionExtension.configure({ deletion }),
    // the caret stays with a clause someone else moves
    FollowMovedClause,
    // each person's caret stays with the text they type when others' changes arrive
    CaretStaysWithText,
    // find in the document: matches as decorations
    DocumentSearchExtension,
  ];
}
