import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, Limits, type DocumentKind, type DocumentLanguage } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { DocumentLanguageSelect } from '../components/DocumentLanguageSelect';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { isLanguage } from '../i18n/i18n';
import { navigate } from '../router/navigate';
import { ImportDocument } from '../import/ImportDocument';

export function CreateDocumentForm() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const fields = useFieldErrors();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('agreement');
  const [language, setLanguage] = useState<DocumentLanguage>(() => {
    const ui = i18n.resolvedLanguage;
    return isLanguage(ui) ? ui : 'en';
  });
  const [blank, setBlank] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setError(null);
    try {
      const { document } = await accordApi.createDocument({
        title: title.trim(),
        kind,
        language,
        // without `template` the server starts from the kind's own template
        ...(blank ? { template: 'blank' as const } : {}),
      });
      navigate(`/documents/${document.id}`);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('documents.newDocument')}</h2>
      <p className="hint">{t('documents.newDocumentIntro')}</p>
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        onChange={fields.onChange}
        aria-busy={pending}
      >
        <FormField label={t('documents.titleLabel')} error={fields.error('title')}>
          {(field) => (
            <input
              {...field}
              name="title"
              required
              maxLength={Limits.titleMax}
              placeholder={t('documents.titlePlaceholder')}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </FormField>
        <div className="field-row">
          <FormField label={t('documents.kindLabel')}>
            {(field) => (
              <select
                {...field}
                value={kind}
                onChange={(event) => setKind(event.target.value as DocumentKind)}
              >
                {DOCUMENT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`documentKinds.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('documents.languageLabel')}>
            {(field) => <DocumentLanguageSelect id={field.id} value={language} onChange={setLanguage} />}
          </FormField>
        </div>
        {kind !== 'other' && (
          <FormField label={t('documents.startLabel')}>
            {(field) => (
              <select
                {...field}
                value={blank ? 'blank' : 'template'}
                onChange={(event) => setBlank(event.target.value === 'blank')}
              >
                <option value="template">{t(`documents.startFromTemplate.${kind}`)}</option>
                <option value="blank">{t('documents.startBlank')}</option>
              </select>
            )}
          </FormField>
        )}
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('documents.creating') : t('documents.create')}
        </button>
      </form>
      <ImportDocument language={language} />
    </section>
  );
}
