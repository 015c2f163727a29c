import { memo, useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection, type Selection, type Transaction } from '@tiptap/pm/state';
import { isTextOnlyChange, type DocumentKind } from '@accord/shared';
// bring the typings of the bold/italic commands (policyExtensions uses these marks)
import type {} from '@tiptap/extension-bold';
import type {} from '@tiptap/extension-italic';
import { afterNextPaint } from '../scheduling/afterNextPaint';
import { ToolbarIcon } from './ToolbarIcon';
import { keyNames } from './keyNames';
import type { ClauseDeletion } from './deletion/ClauseDeletion';

interface ToolProps {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
  shortcut?: string;
  wide?: boolean;
}

function Tool({ label, pressed, disabled, onClick, children, shortcut, wide }: ToolProps) {
  return (
    <button
      type="button"
      className={wide ? 'toolbar__button toolbar__button--text' : 'toolbar__button'}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace('⌘', 'Meta').replace('Ctrl', 'Control').replace('⌫', 'Backspace')}
      disabled={disabled}
      // keep the selection in the editor while clicking
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Arrow keys, Home and End move between the toolbar's buttons (WAI-ARIA toolbar pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (current === -1) return;
  event.preventDefault();
  const last = buttons.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowLeft'
          ? current - 1
          : current + 1;
  buttons[next < 0 ? last : next > last ? 0 : next]?.focus();
}

const { mod, alt } = keyNames;

type Insertable = 'chapter' | 'article' | 'paragraph' | 'point' | 'annex' | 'objective' | 'action';

const INSERT_SHORTCUT: Partial<Record<Insertable, string>> = {
  chapter: `${mod}+${alt}+1`,
  article: `${mod}+${alt}+2`,
  paragraph: `${mod}+${alt}+3`,
  point: `${mod}+${alt}+4`,
  objective: `${mod}+${alt}+5`,
  action: `${mod}+${alt}+6`,
};

/** What a document of each kind is built from; the toolbar offers those. */
const STRUCTURE: Record<DocumentKind, Insertable[]> = {
  agreement: ['chapter', 'article', 'paragraph', 'point', 'annex'],
  action_plan: ['objective', 'action', 'paragraph', 'point'],
  other: ['chapter', 'article', 'paragraph', 'point', 'annex'],
};

/** What may change with every keystroke: marks at the cursor, undo and redo. */
function selectTextState(current: Editor) {
  const can = current.can();
  return {
    bold: current.isActive('bold'),
    italic: current.isActive('italic'),
    canBold: can.toggleBold(),
    canItalic: can.toggleItalic(),
    undo: can.undo(),
    redo: can.redo(),
  };
}

/**
 * What depends only on the structure around the selection: the structure commands. Each question
 * gets its own `can()`: one `can()` hands every command the same transaction, and a command that
 * builds its change on it in a dry run (moveArticleUp deletes the article to see where it would
 * go) would leave the next command looking at a changed document (issue 12, bug 4: "move down"
 * was disabled, or threw "Position N out of range", for every article that could move up).
 */
function selectStructureState(current: Editor) {
  const can = () => current.can();
  return {
    chapter: can().insertChapter(),
    article: can().insertArticle(),
    paragraph: can().insertParagraph(),
    point: can().insertPoint(),
    annex: can().insertAnnex(),
    objective: can().insertObjective(),
    action: can().insertAction(),
    promote: can().promoteClause(),
    demote: can().demoteClause(),
    moveUp: can().moveArticleUp(),
    moveDown: can().moveArticleDown(),
    remove: can().deleteClause(),
  };
}
type ToolbarState = ReturnType<typeof selectTextState> & ReturnType<typeof selectStructureState>;

/**
 * Where the selection is in the structure: typing inside one textblock keeps it, so the
 * structure commands' answers can be reused (together with a count of structural changes).
 */
function selectionPlace(selection: Selection): string {
  return selection instanceof TextSelection
    ? `text ${selection.$from.start()} ${selection.$to.start()}`
    : `${selection.toJSON().type as string} ${selection.from} ${selection.to}`;
}

const sameState = (a: ToolbarState, b: ToolbarState) =>
  (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);

/**
 * Which buttons apply, recomputed after the frame that shows a change has been painted: asking
 * `can()` of fifteen commands costs milliseconds in a long document, and doing it inside every
 * keystroke would delay the character on screen (bench/structure/editor.ts). Buttons follow one
 * frame later, which nobody can see. While someone types inside one paragraph only the marks and
 * undo/redo are asked again: the structure commands' answers cannot change.
 */
function useToolbarState(editor: Editor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(() => ({
    ...selectTextState(editor),
    ...selectStructureState(editor),
  }));
  useEffect(() => {
    let cancel: (() => void) | null = null;
    // bumped by every change that is more than text inside one textblock
    let structureVersion = 0;
    let structure: { key: string; value: ReturnType<typeof selectStructureState> } | null = null;
    const run = () => {
      cancel = null;
      if (editor.isDestroyed) return;
      const key = `${structureVersion} ${selectionPlace(editor.state.selection)}`;
      if (structure?.key !== key) structure = { key, value: selectStructureState(editor) };
      const next = { ...selectTextState(editor), ...structure.value };
      setState((previous) => (sameState(previous, next) ? previous : next));
    };
    const schedule = () => {
      cancel ??= afterNextPaint(run);
    };
    const onTransaction = ({
      transaction,
      appendedTransactions,
    }: {
      transaction: Transaction;
      appendedTransactions: Transaction[];
    }) => {
      if ([transaction, ...appendedTransactions].some((tr) => tr.docChanged && !isTextOnlyChange(tr)))
        structureVersion++;
      schedule();
    };
    schedule();
    editor.on('transaction', onTransaction);
    editor.on('focus', schedule);
    return () => {
      editor.off('transaction', onTransaction);
      editor.off('focus', schedule);
      cancel?.();
    };
  }, [editor]);
  return state;
}

/** Formatting and structure buttons; each one is also a keyboard shortcut. */
export const EditorToolbar = memo(function EditorToolbar({
  editor,
  kind,
  deletion,
  children,
}: {
  editor: Editor;
  kind: DocumentKind;
  deletion: ClauseDeletion;
  /** shown at the toolbar's end (the connection and save status) */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const structure = STRUCTURE[kind];
  const state = useToolbarState(editor);
  const chain = () => editor.chain().focus();
  const insert: Record<Insertable, () => void> = {
    chapter: () => chain().insertChapter().run(),
    article: () => chain().insertArticle().run(),
    paragraph: () => chain().insertParagraph().run(),
    point: () => chain().insertPoint().run(),
    annex: () => chain().insertAnnex().run(),
    objective: () => chain().insertObjective().run(),
    action: () => chain().insertAction().run(),
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={moveFocus}>
      <div className="toolbar__group">
        <Tool
          label={t('toolbar.bold')}
          shortcut={`${mod}+B`}
          pressed={state.bold}
          disabled={!state.canBold}
          onClick={() => chain().toggleBold().run()}
        >
          <b aria-hidden="true">B</b>
        </Tool>
        <Tool
          label={t('toolbar.italic')}
          shortcut={`${mod}+I`}
          pressed={state.italic}
          disabled={!state.canItalic}
          onClick={() => chain().toggleItalic().run()}
        >
          <i aria-hidden="true">I</i>
        </Tool>
      </div>
      <div className="toolbar__group" role="group" aria-label={t('toolbar.insert')}>
        {structure.map((what) => (
          <Tool
            key={what}
            wide
            label={t(`toolbar.insertClause.${what}`)}
            shortcut={INSERT_SHORTCUT[what]}
            disabled={!state[what]}
            onClick={insert[what]}
          >
            <span aria-hidden="true">+ {t(`clauseKinds.${what}`)}</span>
          </Tool>
        ))}
      </div>
      <div className="toolbar__group">
        <Tool
          label={t('toolbar.promote')}
          shortcut={`${mod}+[`}
          disabled={!state.promote}
          onClick={() => chain().promoteClause().run()}
        >
          <ToolbarIcon name="outdent" />
        </Tool>
        <Tool
          label={t('toolbar.demote')}
          shortcut={`${mod}+]`}
          disabled={!state.demote}
          onClick={() => chain().demoteClause().run()}
        >
          <ToolbarIcon name="indent" />
        </Tool>
        {kind !== 'action_plan' && (
          <>
            <Tool
              label={t('toolbar.moveUp')}
              shortcut={`${alt}+Shift+↑`}
              disabled={!state.moveUp}
              onClick={() => chain().moveArticleUp().run()}
            >
              <ToolbarIcon name="moveUp" />
            </Tool>
            <Tool
              label={t('toolbar.moveDown')}
              shortcut={`${alt}+Shift+↓`}
              disabled={!state.moveDown}
              onClick={() => chain().moveArticleDown().run()}
            >
              <ToolbarIcon name="moveDown" />
            </Tool>
          </>
        )}
        <Tool
          label={t('toolbar.deleteClause')}
          shortcut={`${mod}+Shift+⌫`}
          disabled={!state.remove}
          onClick={() => deletion.request()}
        >
          <ToolbarIcon name="delete" />
        </Tool>
      </div>
      <div className="toolbar__group">
        <Tool
          label={t('toolbar.undo')}
          shortcut={`${mod}+Z`}
          disabled={!state.undo}
          onClick={() => chain().undo().run()}
        >
          <ToolbarIcon name="undo" />
        </Tool>
        <Tool
          label={t('toolbar.redo')}
          shortcut={`${mod}+Shift+Z`}
          disabled={!state.redo}
          onClick={() => chain().redo().run()}
        >
          <ToolbarIcon name="redo" />
        </Tool>
      </div>
      {children}
    </div>
  );
});
