import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AmendmentLimits, type ClauseContent, type TableAmendmentBody } from '@accord/shared';
import { amendmentsApi } from './amendmentsApi';
import { proposalFromText, runsText } from './clauseContentFromEditor';

interface TableAmendmentFormProps {
  documentId: string;
  clauseId: string;
  clauseLabel: string | null;
  clauseType: string;
  current: ClauseContent;
  /** the text selected in the clause when the form opened, shown as what is being amended */
  selection: string | null;
  onDone(): void;
}

type Kind = 'replace' | 'insertBefore' | 'insertAfter' | 'delete';

/** Tables an amendment to one clause: new wording (or a new clause next to it, or its deletion) and why. */
export function TableAmendmentForm({
  documentId,
  clauseId,
  clauseLabel,
  clauseType,
  current,
  selection,
  onDone,
}: TableAmendmentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('replace');
  const [heading, setHeading] = useState(current.heading ? runsText(current.heading) : '');
  const [body, setBody] = useState(current.paragraphs.map(runsText).join('\n'));
  const [justification, setJustification] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasHeading = current.heading !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const blank: ClauseContent = { heading: hasHeading ? [] : null, paragraphs: [] };
    let request: TableAmendmentBody;
    if (kind === 'delete') request = { kind: 'delete', clauseId, justification };
    else if (kind === 'replace')
      request = {
        kind: 'replace',
        clauseId,
        justification,
        proposal: proposalFromText(current, hasHeading ? heading : null, body),
      };
    else {
      const fresh = proposalFromText({ ...blank, fields: current.fields }, hasHeading ? heading : null, body);
      request = {
        kind: 'insert',
        clauseId,
        position: kind === 'insertBefore' ? 'before' : 'after',
        clauseType: clauseType as never,
        justification,
        proposal: fresh,
      };
    }
    try {
      await amendmentsApi.table(documentId, request);
      onDone();
    } catch (failure) {
      setError((failure as { code?: string }).code ?? 'network_error');
    } finally {
      setBusy(false);
    }
  };

  const chooseKind = (next: Kind) => {
    setKind(next);
    if (next === 'replace') {
      setHeading(current.heading ? runsText(current.heading) : '');
      setBody(current.paragraphs.map(runsText).join('\n'));
    } else if (next !== 'delete') {
      setHeading('');
      setBody('');
    }
  };

  return (
    <form
      className="amendment-form"
      onSubmit={submit}
      data-testid="amendment-form"
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>
        {t('amendments.form.title', { clause: clauseLabel ?? t('amendments.unnumbered') })}
      </h3>
      {selection && (
        <p className="amendment-form__selection">
          {t('amendments.form.selection')} <q>{selection}</q>
        </p>
      )}
      <label htmlFor={`${id}-kind`}>{t('amendments.form.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
        <option value="replace">{t('amendments.kind.replace')}</option>
        <option value="insertBefore">{t('amendments.kind.insertBefore')}</option>
        <option value="insertAfter">{t('amendments.kind.insertAfter')}</option>
        <option value="delete">{t('amendments.kind.delete')}</option>
      </select>
      {kind !== 'delete' && hasHeading && (
        <>
          <label htmlFor={`${id}-heading`}>{t('amendments.form.heading')}</label>
          <input
            id={`${id}-heading`}
            value={heading}
            onChange={(e) => setHeading(e.target.value)}
            maxLength={AmendmentLimits.fieldMax}
          />
        </>
      )}
      {kind !== 'delete' && (
        <>
          <label htmlFor={`${id}-text`}>{t('amendments.form.text')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="amendment-text"
            value={body}
            rows={6}
            maxLength={AmendmentLimits.proposalTextMax}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={`${id}-text-hint`}
          />
          <p id={`${id}-text-hint`} className="amendment-form__hint">
            {t('amendments.form.textHint')}
          </p>
        </>
      )}
      <label htmlFor={`${id}-why`}>{t('amendments.form.justification')}</label>
      <textarea
        id={`${id}-why`}
        data-testid="amendment-justification"
        value={justification}
        rows={3}
        required
        maxLength={AmendmentLimits.justificationMax}
        onChange={(e) => setJustification(e.target.value)}
      />
      {error && (
        <p role="alert" className="amendment-form__error">
          {t([`amendments.errors.${error}`, 'amendments.errors.other'])}
        </p>
      )}
      <div className="amendment-form__buttons">
        <button type="submit" disabled={busy || !justification.trim()}>
          {busy ? t('amendments.form.tabling') : t('amendments.form.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('amendments.cancel')}
        </button>
      </div>
    </form>
  );
}
