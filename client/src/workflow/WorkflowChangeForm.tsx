import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi } from '../api/versionsApi';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useErrorMessage } from '../i18n/useErrorMessage';
import type { Workflow } from './useWorkflow';
import { VERSION_LIMITS } from '../versions/VERSION_LIMITS';

type Target = 'drafting' | 'review' | 'final';
const TARGETS: Target[] = ['drafting', 'review', 'final'];

interface WorkflowChangeFormProps {
  documentId: string;
  workflow: Workflow;
  onChanged(workflow: Workflow): void;
  onReload(): void;
}

/** The next usual step, offered first. */
function nextTarget(workflow: Workflow): Target {
  if (workflow.state === 'drafting') return 'review';
  if (workflow.state === 'review') return 'final';
  return 'drafting';
}

/** A coordinator's change of workflow state (any direction), with an optional note. */
export function WorkflowChangeForm({ documentId, workflow, onChanged, onReload }: WorkflowChangeFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<Target>(nextTarget(workflow));
  const [lockText, setLockText] = useState(false);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const unchanged = to === workflow.state && (to !== 'review' || lockText === workflow.textLocked);
  const conflict = error instanceof ApiError && error.status === 409;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unchanged) return;
    setPending(true);
    setError(null);
    try {
      const body = {
        to,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(to === 'review' ? { lockText } : {}),
      };
      const { workflow: next } = await versionsApi.changeWorkflow(documentId, body);
      onChanged({ state: next.state, textLocked: next.textLocked });
      setDone(t('versions.workflow.changed', { state: t(`versions.workflow.state.${next.state}`) }));
      setNote('');
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  if (!open) {
    return (
      <div className="workflow-bar__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setTo(nextTarget(workflow));
            setLockText(workflow.state === 'review' && workflow.textLocked);
            setDone(null);
            setError(null);
            setOpen(true);
          }}
        >
          {t('versions.workflow.change')}
        </button>
        <span role="status" className="hint">
          {done}
        </span>
      </div>
    );
  }

  return (
    <form className="form workflow-form" onSubmit={handleSubmit} aria-busy={pending}>
      <FormField label={t('versions.workflow.moveTo')} hint={t(`versions.workflow.explain.${to}`)}>
        {(field) => (
          <select {...field} value={to} onChange={(event) => setTo(event.target.value as Target)}>
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`versions.workflow.state.${target}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {to === 'review' && (
        <label className="checkbox">
          <input type="checkbox" checked={lockText} onChange={(event) => setLockText(event.target.checked)} />
          <span>{t('versions.workflow.lockText')}</span>
        </label>
      )}
      <FormField label={t('versions.workflow.note')} hint={t('versions.workflow.noteHint')}>
        {(field) => (
          <textarea
            {...field}
            rows={2}
            maxLength={VERSION_LIMITS.noteMax}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </FormField>
      {unchanged && <p className="hint">{t('versions.workflow.alreadyThere')}</p>}
      {error !== null && (
        <Alert tone="error">
          <p>{conflict ? t('versions.workflow.conflict') : errorMessage(error)}</p>
          {conflict && (
            <button type="button" className="button button--small" onClick={onReload}>
              {t('versions.reload')}
            </button>
          )}
        </Alert>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={pending || unchanged}
        >
          {pending ? t('versions.workflow.changing') : t('versions.workflow.submit')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setOpen(false)}>
          {t('versions.cancel')}
        </button>
      </div>
    </form>
  );
}
