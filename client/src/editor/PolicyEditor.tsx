import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import type { DocumentKind, DocumentLanguage } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { editorExtensions } from './extensions';
import { EditorToolbar } from './EditorToolbar';
import { ConfirmClauseDeletion } from './deletion/ConfirmClauseDeletion';

interface PolicyEditorProps {
  session: CollabSession;
  user: { id: string; name: string; color: string };
  editable: boolean;
  /** id of the element that names the text (the document title) */
  labelledBy: string;
  /** language of the text (may differ from the interface's): clause labels, spelling, speech */
  language: DocumentLanguage;
  kind: DocumentKind;
}

/** The document's text, bound to the collaboration session's Y.Doc. */
export function PolicyEditor({ session, user, editable, labelledBy, language, kind }: PolicyEditorProps) {
  const { t } = useTranslation();
  const extensions = useMemo(
    () =>
      editorExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user,
        language,
        comments: session.comments,
        deletion: session.clauseDeletion,
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
        attributes: {
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

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <div
      className={editable ? 'editor' : 'editor editor--readonly'}
      style={{ ['--placeholder' as string]: JSON.stringify(t('document.editorPlaceholder')) }}
    >
      {editable && editor && <EditorToolbar editor={editor} kind={kind} deletion={session.clauseDeletion} />}
      {editable && <ConfirmClauseDeletion deletion={session.clauseDeletion} />}
      <p id={`${labelledBy}-editor-help`} className="visually-hidden">
        {t('document.editorLabel')}
      </p>
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
