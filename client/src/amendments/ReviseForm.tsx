import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedAmendment } from '@accord/shared';
import { amendmentsApi } from './amendmentsApi';
import { proposalFromText } from './clauseContentFromEditor';
import { ProposalActionFields } from './ProposalActionFields';

interface ReviseFormProps {
  amendment: PresentedAmendment;
  busy: boolean;
  act(action: () => Promise<unknown>): Promise<void>;
}

/**
 * The author's revision, made against the clause as it is now: the text starts as the proposal on
 * top of the current text (or, in conflict, as the current text), and the new revision's base is
 * the current text.
 */
export function ReviseForm({ amendment: a, busy, act }: ReviseFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const proposal = a.proposal;
  const start =
    a.state === 'conflict'
      ? (a.currentText ?? '')
      : a.diff
          .filter((p) => !p.removed)
          .map((p) => p.value)
          .join('');
  const headed = proposal?.heading != null;
  const [text, setText] = useState(() => (headed ? start.split('\n').slice(1).join('\n') : start));
  const [heading, setHeading] = useState(() => (headed ? (start.split('\n')[0] ?? '') : null));
  const [justification, setJustification] = useState(a.justification);
  const [fields, setFields] = useState(proposal?.fields);
  if (!proposal || a.kind === 'delete') return null;
  return (
    <div className="amendment__revise">
      <button type="button" aria-expanded={open} disabled={busy} onClick={() => setOpen(!open)}>
        {t('amendments.revise')}
      </button>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const revised = { ...proposalFromText(proposal, heading, text), ...(fields ? { fields } : {}) };
            const body =
              justification !== a.justification
                ? { proposal: revised, justification }
                : { proposal: revised };
            void act(() => amendmentsApi.revise(a.documentId, a.id, body));
          }}
        >
          {heading !== null && (
            <>
              <label htmlFor={`${id}-heading`}>{t('amendments.form.heading')}</label>
              <input id={`${id}-heading`} value={heading} onChange={(e) => setHeading(e.target.value)} />
            </>
          )}
          <label htmlFor={`${id}-text`}>{t('amendments.form.text')}</label>
          <textarea id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          {fields && <ProposalActionFields fields={fields} onChange={setFields} />}
          <label htmlFor={`${id}-why`}>{t('amendments.form.justification')}</label>
          <textarea
            id={`${id}-why`}
            rows={3}
            required
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <button type="submit" disabled={busy || !justification.trim()}>
            {t('amendments.saveRevision')}
          </button>
        </form>
      )}
    </div>
  );
}
