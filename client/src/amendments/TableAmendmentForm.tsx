import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AmendmentLimits,
  HEADED_CLAUSE_TYPES,
  SUB_CLAUSE_TYPES,
  type AmendmentActionFields,
  type ClauseContent,
  type TableAmendmentBody,
} from '@accord/shared';
import { amendmentsApi } from './amendmentsApi';
import { proposalFromText, runsText } from './clauseContentFromEditor';
import { ProposalActionFields } from './ProposalActionFields';

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

type Kind = 'replace' | 'insertBefore' | 'insertAfter' | 'insertInside' | 'delete';

const NO_FIELDS: AmendmentActionFields = {
  leadOrganisations: [],
  partners: [],
  startDate: null,
  endDate: null,
  indicator: '',
  status: 'planned',
};

/** A clause kind's name in the clause-kinds list (a numbered paragraph is a "paragraph" there). */
const kindLabel = (type: string) => `clauseKinds.${type === 'numberedParagraph' ? 'paragraph' : type}`;

/**
 * Tables an amendment to one clause: new wording (an action's fields too), a new clause next to
 * it or inside it (a level down), or its deletion, and why.
 */
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
  const subTypes = SUB_CLAUSE_TYPES[clauseType] ?? [];
  const [subType, setSubType] = useState<string>(subTypes[0] ?? clauseType);
  const [fields, setFields] = useState<AmendmentActionFields>(current.fields ?? NO_FIELDS);
  const newType = kind === 'insertInside' ? subType : clauseType;
  const hasHeading =
    kind === 'insertInside' ? HEADED_CLAUSE_TYPES.includes(newType) : current.heading !== null;
  const withFields = kind !== 'delete' && newType === 'action';

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
        proposal: {
          ...proposalFromText(current, hasHeading ? heading : null, body),
          ...(withFields ? { fields } : {}),
        },
      };
    else {
      const fresh = proposalFromText(
        withFields ? { ...blank, fields } : blank,
        hasHeading ? heading : null,
        body,
      );
      request = {
        kind: 'insert',
        clauseId,
        position: kind === 'insertBefore' ? 'before' : kind === 'insertInside' ? 'inside' : 'after',
        clauseType: newType as never,
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
      setFields(current.fields ?? NO_FIELDS);
    } else if (next !== 'delete') {
      setHeading('');
      setBody('');
      setFields(next === 'insertInside' ? NO_FIELDS : (current.fields ?? NO_FIELDS));
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
        {subTypes.length > 0 && <option value="insertInside">{t('amendments.kind.insertInside')}</option>}
        <option value="delete">{t('amendments.kind.delete')}</option>
      </select>
      {kind === 'insertInside' && subTypes.length > 1 && (
        <>
          <label htmlFor={`${id}-subtype`}>{t('amendments.form.subClauseKind')}</label>
          <select id={`${id}-subtype`} value={subType} onChange={(e) => setSubType(e.target.value)}>
            {subTypes.map((type) => (
              <option key={type} value={type}>
                {t(kindLabel(type))}
              </option>
            ))}
          </select>
        </>
      )}
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
      {withFields && <ProposalActionFields key={kind} fields={fields} onChange={setFields} />}
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
