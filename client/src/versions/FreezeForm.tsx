import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { VERSION_LIMITS } from './VERSION_LIMITS';

interface FreezeFormProps {
  documentId: string;
  /** coordinators freeze at once; reviewers and drafters propose a freeze to them */
  mode: 'freeze' | 'propose';
  onDone(): void;
}

/** Name (and optionally describe) the live text as a version, or propose that a coordinator does. */
export function FreezeForm({ documentId, mode, onDone }: FreezeFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const fields = useFieldErrors();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // a missing name (or one of spaces) is said under the field, in the interface language
    if (!fields.validate(event.currentTarget)) return;
    const trimmed = name.trim();
    setPending(true);
    setResult(null);
    try {
      const trimmedNote = note.trim() || undefined;
      if (mode === 'freeze') {
        const { version } = await versionsApi.freeze(documentId, trimmed, trimmedNote);
        setResult({
          tone: 'success',
          text: t('versions.freeze.frozen', { number: version.number, name: version.name }),
        });
      } else {
        await versionsApi.propose(documentId, trimmed, trimmedNote);
        setResult({ tone: 'success', text: t('versions.freeze.proposed') });
      }
      setName('');
      setNote('');
      onDone();
    } catch (error) {
      setResult({ tone: 'error', text: errorMessage(error) });
    } finally {
      setPending(false);
    }
  };

  const title = mode === 'freeze' ? t('versions.freeze.title') : t('versions.freeze.proposeTitle');
  return (
    <form
      className="form freeze-form"
      noValidate
      onSubmit={handleSubmit}
      onChange={fields.onChange}
      aria-labelledby={`${id}-title`}
      aria-busy={pending}
    >
      <h3 id={`${id}-title`} className="panel__subtitle">
        {title}
      </h3>
      <p className="hint" id={`${id}-intro`}>
        {mode === 'freeze' ? t('versions.freeze.intro') : t('versions.freeze.proposeIntro')}
      </p>
      <FormField
        label={t('versions.freeze.name')}
        hint={t('versions.freeze.nameHint')}
        describedBy={`${id}-intro`}
        error={fields.error('name')}
      >
        {(field) => (
          <input
            {...field}
            type="text"
            name="name"
            required
            maxLength={VERSION_LIMITS.nameMax}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('versions.freeze.note')}>
        {(field) => (
          <textarea
            {...field}
            name="note"
            rows={2}
            maxLength={VERSION_LIMITS.noteMax}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </FormField>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending
            ? mode === 'freeze'
              ? t('versions.freeze.freezing')
              : t('versions.freeze.proposing')
            : mode === 'freeze'
              ? t('versions.freeze.submit')
              : t('versions.freeze.proposeSubmit')}
        </button>
      </div>
    </form>
  );
}
