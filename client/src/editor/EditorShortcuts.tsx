import { useTranslation } from 'react-i18next';
import { keyNames } from './keyNames';

const { mod, alt } = keyNames;

/** Each shortcut of the editor, with the key of its explanation in `editing.keys`. */
const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['Esc', 'leave'],
  ['Enter', 'split'],
  [`${mod}+]  ·  ${mod}+[`, 'demote'],
  ['Tab  ·  Shift+Tab', 'tab'],
  [`${alt}+Shift+↑  ·  ${alt}+Shift+↓`, 'moveArticle'],
  [`${mod}+${alt}+1 … 6`, 'insert'],
  [`${mod}+Shift+⌫`, 'delete'],
  [`${mod}+${alt}+M`, 'comment'],
  [`${mod}+B  ·  ${mod}+I`, 'format'],
  [`${mod}+Z  ·  ${mod}+Shift+Z`, 'undo'],
];

/**
 * The editor's keyboard shortcuts, under the text: after Escape, the next Tab reaches this list.
 */
export function EditorShortcuts({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <details className="editor-keys" id={id}>
      <summary>{t('editing.keys.title')}</summary>
      <dl className="editor-keys__list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="editor-keys__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(`editing.keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
