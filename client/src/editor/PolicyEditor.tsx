import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import type { DocumentKind, DocumentLanguage } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { editorExtensions } from './extensions';
import { EditorToolbar } from './EditorToolbar';
import { ConfirmClauseDeletion } from './deletion/ConfirmClauseDeletion';
import { EditorShortcuts } from './EditorShortcuts';
import { EditorStatus } from './EditorStatus';
import { ReadOnlyTypingNote, useReadOnlyTyping, type ReadOnlyReason } from './ReadOnlyTyping';
import { phoneScrollMargin, phoneScrollThreshold } from '../phone/phoneScrollMargin';
import { DocumentSearchBar } from '../search/DocumentSearchBar';
import { isFindShortcut } from '../search/isFindShortcut';

interface PolicyEditorProps {
  session: CollabSession;
  user: { id: string; name: string; color: string };
  editable: boolean;
  /** id of the element that names the text (the document title) */
  labelledBy: string;
  /** language of the text (may differ from the interface's): clause labels, spelling, speech */
  language: DocumentLanguage;
  kind: DocumentKind;
  /** when the text cannot be changed here, why: said once to someone who types into it */
  readOnlyReason: ReadOnlyReason | null;
}

/** The document's text, bound to the collaboration session's Y.Doc. */
export function PolicyEditor({
  session,
  user,
  editable,
  labelledBy,
  language,
  kind,
  readOnlyReason,
}: PolicyEditorProps) {
  const { t } = useTranslation();
  // where Escape puts the focus: just after the text, so that Tab goes on to the next control
  const leftText = useRef<HTMLSpanElement>(null);
  const readOnlyTyping = useReadOnlyTyping(readOnlyReason);
  const [searching, setSearching] = useState(false);
  const extensions = useMemo(
    () =>
      editorExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user,
        language,
        comments: session.comments,
        deletion: session.clauseDeletion,
        carets: !session.lowData,
      }),
    [session, user, language],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        // on a phone, the caret stays above the bottom bar
        scrollThreshold: phoneScrollThreshold,
        scrollMargin: phoneScrollMargin,
        handleKeyDown: (_view, event) => {
          if (event.key !== 'Escape' || event.defaultPrevented || !leftText.current) return false;
          leftText.current.focus();
          return true;
        },
        attributes: {
          // focusable when read-only too, so that typing there gets an answer (and Space does not scroll)
          tabindex: '0',
          class: 'editor-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          'aria-describedby': `${labelledBy}-editor-help`,
          spellcheck: 'true',
          lang: language,
        },
      },
    },
    [extensions],
  );

  // panels outside the editor (the outline) read it from the session
  useEffect(() => (editor ? session.editor.set(editor) : undefined), [session, editor]);
  const status = useMemo(() => <EditorStatus session={session} />, [session]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <div
      className={editable ? 'editor' : 'editor editor--readonly'}
      style={{ ['--placeholder' as string]: JSON.stringify(t('document.editorPlaceholder')) }}
      onKeyDown={(event) => {
        // Ctrl/Cmd+F finds in the document only while the focus is in the editor (the browser's
        // own find is still there everywhere else, and with Ctrl+F again from the search box)
        if (isFindShortcut(event) && editor?.view.dom.contains(event.target as Node)) {
          event.preventDefault();
          setSearching(true);
          return;
        }
        if (!editable && !(event.target as Element).closest('.editor__find')) readOnlyTyping.onKeyDown(event);
      }}
    >
      <div className={searching ? 'editor__find editor__find--open' : 'editor__find'}>
        {!searching && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setSearching(true)}
            aria-keyshortcuts="Control+F Meta+F"
            data-testid="doc-search-open"
          >
            {t('search.inDocument.open')}
          </button>
        )}
        {searching && editor && (
          <DocumentSearchBar
            editor={editor}
            comments={session.comments}
            onClose={() => {
              setSearching(false);
              editor.commands.focus(null, { scrollIntoView: false });
            }}
          />
        )}
      </div>
      {editable && editor && (
        <EditorToolbar editor={editor} kind={kind} deletion={session.clauseDeletion}>
          {status}
        </EditorToolbar>
      )}
      {editable && <ConfirmClauseDeletion deletion={session.clauseDeletion} />}
      {!editable && (
        <ReadOnlyTypingNote
          reason={readOnlyReason}
          shown={readOnlyTyping.shown}
          onDismiss={readOnlyTyping.dismiss}
        />
      )}
      <p id={`${labelledBy}-editor-help`} className="visually-hidden">
        {editable ? t('editing.keys.help') : t('document.editorLabel')}
      </p>
      <EditorContent editor={editor} className="editor__surface" />
      {editable && (
        <span ref={leftText} tabIndex={-1} className="editor-left" data-testid="editor-left">
          {t('editing.keys.left')}
        </span>
      )}
      {editable && <EditorShortcuts id={`${labelledBy}-editor-keys`} />}
    </div>
  );
}
