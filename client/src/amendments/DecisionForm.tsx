import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedAmendment } from '@accord/shared';
import { amendmentsApi } from './amendmentsApi';
import { proposalFromText, runsText } from './clauseContentFromEditor';
import { ProposalActionFields } from './ProposalActionFields';

interface DecisionFormProps {
  amendment: PresentedAmendment;
  busy: boolean;
  act(action: () => Promise<unknown>): Promise<void>;
}

/** A coordinator's decision: accept, accept with changes (edit the wording first), or reject with a reason. */
export function DecisionForm({ amendment: a, busy, act }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'none' | 'change' | 'reject'>('none');
  const proposal = a.proposal;
  // the wording as accepting would make it: the proposal on top of the current text
  const merged = a.diff
    .filter((p) => !p.removed)
    .map((p) => p.value)
    .join('');
  const [text, setText] = useState(() =>
    proposal?.heading ? merged.split('\n').slice(1).join('\n') : merged,
  );
  const [heading] = useState(() => (proposal?.heading ? runsText(proposal.heading) : null));
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState(proposal?.fields);
  const canAccept = a.state === 'pending' || a.state === 'rebased';
  return (
    <div className="amendment__decide" role="group" aria-label={t('amendments.decide')}>
      <div className="amendment__actions">
        {canAccept && (
          <button
            type="button"
            disabled={busy}
            data-testid="amendment-accept"
            onClick={() => act(() => amendmentsApi.accept(a.documentId, a.id))}
          >
            {t('amendments.accept')}
          </button>
        )}
        {proposal && a.kind !== 'delete' && a.state !== 'obsolete' && (
          <button
            type="button"
            disabled={busy}
            aria-expanded={mode === 'change'}
            onClick={() => setMode(mode === 'change' ? 'none' : 'change')}
          >
            {t('amendments.acceptWithChanges')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          aria-expanded={mode === 'reject'}
          onClick={() => setMode(mode === 'reject' ? 'none' : 'reject')}
        >
          {t('amendments.reject')}
        </button>
      </div>
      {mode === 'change' && proposal && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() =>
              amendmentsApi.accept(a.documentId, a.id, {
                ...proposalFromText(proposal, heading, text),
                ...(fields ? { fields } : {}),
              }),
            );
          }}
        >
          <label htmlFor={`${id}-text`}>{t('amendments.changedText')}</label>
          <textarea id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          {fields && <ProposalActionFields fields={fields} onChange={setFields} />}
          <button type="submit" disabled={busy}>
            {t('amendments.acceptChanged')}
          </button>
        </form>
      )}
      {mode === 'reject' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => amendmentsApi.reject(a.documentId, a.id, reason));
          }}
        >
          <label htmlFor={`${id}-reason`}>{t('amendments.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={busy || !reason.trim()}>
            {t('amendments.confirmReject')}
          </button>
        </form>
      )}
    </div>
  );
}
