import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentLanguage,
  type PresentedDocument,
} from '@accord/shared';
import { Alert } from '../components/Alert';
import { DocumentLanguageSelect } from '../components/DocumentLanguageSelect';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { manageApi } from './manageApi';

/** A coordinator changes the document's kind and language; the numbering words follow the language. */
export function DocumentSettingsForm({
  document,
  onChanged,
}: {
  document: PresentedDocument;
  onChanged(document: PresentedDocument): void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [kind, setKind] = useState<DocumentKind>(document.kind);
  const [language, setLanguage] = useState<DocumentLanguage>(document.language);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const unchanged = kind === document.kind && language === document.language;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const { document: next } = await manageApi.changeSettings(document.id, { kind, language });
      setNotice({ tone: 'success', text: t('manage.settingsSaved') });
      onChanged(next);
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel__subtitle">
        {t('manage.settingsTitle')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('manage.list.kind')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(event.target.value as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`documentKinds.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('manage.list.language')}</label>
        <DocumentLanguageSelect
          id={`${id}-language`}
          value={language}
          onChange={setLanguage}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('manage.languageHint')}
        </p>
      </div>
      <button type="submit" className="button" disabled={busy || unchanged || document.textLocked}>
        {t('manage.saveSettings')}
      </button>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </form>
  );
}
