import { useEffect, useMemo } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { policyExtensions, type DocumentLanguage } from '@accord/shared';
import { ActionWithFields } from '../editor/actionFields/ActionWithFields';

interface VersionTextProps {
  tree: JSONContent;
  language: DocumentLanguage;
  labelledBy: string;
}

/**
 * A frozen text shown as the editor shows the live one (the same schema, numbering and labels),
 * read-only and without collaboration.
 */
export function VersionText({ tree, language, labelledBy }: VersionTextProps) {
  const extensions = useMemo(
    () =>
      policyExtensions({ language }).map((extension) =>
        extension.name === ActionWithFields.name ? ActionWithFields : extension,
      ),
    [language],
  );
  const editor = useEditor(
    {
      extensions,
      content: tree,
      editable: false,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          class: 'editor-content',
          role: 'document',
          'aria-readonly': 'true',
          'aria-labelledby': labelledBy,
          lang: language,
        },
      },
    },
    [extensions],
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setContent(tree, { emitUpdate: false });
  }, [editor, tree]);
  return (
    <div className="editor editor--readonly">
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
