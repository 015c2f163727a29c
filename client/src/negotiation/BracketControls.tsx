import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRACKET_OPTION_MAX } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { useSessionEditor } from '../outline/useSessionEditor';

/**
 * Those who edit the text (drafters, coordinators) put the selected wording in brackets, optionally
 * labelled as one alternative ("Option A"), or take the brackets away.
 */
export function BracketControls({ session }: { session: CollabSession | null }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useSessionEditor(session);
  const [option, setOption] = useState('');
  if (!editor || !editor.isEditable) return null;
  return (
    <div className="bracket-controls" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="bracket-controls__title">
        {t('negotiation.brackets.title')}
      </h3>
      <p className="hint">{t('negotiation.brackets.help')}</p>
      <label htmlFor={`${id}-option`}>{t('negotiation.brackets.option')}</label>
      <input
        id={`${id}-option`}
        value={option}
        maxLength={BRACKET_OPTION_MAX}
        placeholder={t('negotiation.brackets.optionExample')}
        onChange={(event) => setOption(event.target.value.replace(/[[\]]/g, ''))}
      />
      <div className="bracket-controls__actions">
        <button
          type="button"
          className="button button--small"
          data-testid="bracket-selection"
          // keep the editor's selection
          onMouseDown={(event) => event.preventDefault()}
          onClick={() =>
            editor
              .chain()
              .focus()
              .setBracketed(option.trim() || null)
              .run()
          }
        >
          {t('negotiation.brackets.add')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.chain().focus().unsetBracketed().run()}
        >
          {t('negotiation.brackets.remove')}
        </button>
      </div>
    </div>
  );
}
