import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus } from '@accord/shared';
import { useDateFormat } from '../../i18n/useDateFormat';
import './actionFields.css';

export interface ActionAttrs {
  clauseId: string;
  leadOrganisations: string[];
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  indicator: string;
  status: ActionStatus;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const splitList = (text: string) =>
  text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
const joinList = (list: unknown) => (Array.isArray(list) ? list.join('; ') : '');

interface Draft {
  lead: string;
  partners: string;
  start: string;
  end: string;
  indicator: string;
}

const draftOf = (attrs: ActionAttrs): Draft => ({
  lead: joinList(attrs.leadOrganisations),
  partners: joinList(attrs.partners),
  start: attrs.startDate ?? '',
  end: attrs.endDate ?? '',
  indicator: attrs.indicator ?? '',
});

/**
 * The fields of one action: a summary line everyone sees, and for drafters a form (behind
 * "Edit details") whose inputs save when they lose focus or on Enter — one change per field,
 * not one per keystroke, which matters on slow connections.
 */
export function ActionFields({
  attrs,
  editable,
  onChange,
}: {
  attrs: ActionAttrs;
  editable: boolean;
  onChange(patch: Partial<ActionAttrs>): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dateFormat = useDateFormat({ dateStyle: 'medium', timeZone: 'UTC' });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(attrs));
  const shown = useRef<Draft>(draftOf(attrs));
  // follow changes made elsewhere (another field, another person), field by field, so a field
  // being typed in keeps what was typed
  useEffect(() => {
    const next = draftOf(attrs);
    const before = shown.current;
    shown.current = next;
    setDraft((current) => {
      const merged = { ...current };
      for (const key of Object.keys(next) as (keyof Draft)[])
        if (next[key] !== before[key]) merged[key] = next[key];
      return merged;
    });
  }, [attrs]);

  const formatDate = (value: string | null) =>
    value && ISO_DATE.test(value) ? dateFormat.format(new Date(`${value}T00:00:00Z`)) : null;
  const status = (ACTION_STATUSES as readonly string[]).includes(attrs.status) ? attrs.status : 'planned';
  const lead = Array.isArray(attrs.leadOrganisations) ? attrs.leadOrganisations : [];
  const partners = Array.isArray(attrs.partners) ? attrs.partners : [];
  const start = formatDate(attrs.startDate);
  const end = formatDate(attrs.endDate);
  const none = t('structure.action.none');
  const timeline =
    start || end ? t('structure.action.timelineValue', { start: start ?? '…', end: end ?? '…' }) : none;
  const endBeforeStart = !!draft.start && !!draft.end && draft.end < draft.start;

  /** What saving `field` would change (nothing when the draft says what is stored). */
  const patchFor = (field: keyof Draft): Partial<ActionAttrs> => {
    const value = draft[field];
    switch (field) {
      case 'lead':
        return joinList(splitList(value)) !== joinList(lead) ? { leadOrganisations: splitList(value) } : {};
      case 'partners':
        return joinList(splitList(value)) !== joinList(partners) ? { partners: splitList(value) } : {};
      case 'start':
      case 'end': {
        const date = ISO_DATE.test(value) ? value : null;
        const key = field === 'start' ? 'startDate' : 'endDate';
        return date !== attrs[key] ? { [key]: date } : {};
      }
      case 'indicator':
        return value.trim() !== (attrs.indicator ?? '') ? { indicator: value.trim() } : {};
    }
  };
  const save = (patch: Partial<ActionAttrs>) => {
    if (Object.keys(patch).length > 0) onChange(patch);
  };
  const commit = (field: keyof Draft) => save(patchFor(field));
  /** Every field at once (Enter, a status change): one change for all of them. */
  const commitAll = (extra: Partial<ActionAttrs> = {}) =>
    save(Object.assign({}, ...(Object.keys(draft) as (keyof Draft)[]).map(patchFor), extra));
  const input = (field: keyof Draft) => ({
    value: draft[field],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setDraft((current) => ({ ...current, [field]: value }));
    },
    onBlur: () => commit(field),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    commitAll();
  };

  return (
    <div className="action-fields__inner" data-testid="action-fields">
      <dl className="action-fields__summary">
        <div>
          <dt>{t('structure.action.lead')}</dt>
          <dd>{lead.length ? lead.join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('structure.action.partners')}</dt>
          <dd>{partners.length ? partners.join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('structure.action.timeline')}</dt>
          <dd>{timeline}</dd>
        </div>
        <div>
          <dt>{t('structure.action.indicator')}</dt>
          <dd>{attrs.indicator || none}</dd>
        </div>
        <div>
          <dt>{t('structure.action.status')}</dt>
          <dd>
            <span className={`action-status action-status--${status}`}>
              {t(`structure.action.statuses.${status}`)}
            </span>
          </dd>
        </div>
      </dl>
      {editable && (
        <button
          type="button"
          className="button button--quiet action-fields__toggle"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => setOpen(!open)}
        >
          {open ? t('structure.action.close') : t('structure.action.edit')}
        </button>
      )}
      {editable && open && (
        <form id={`${id}-form`} className="action-fields__form" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={`${id}-lead`}>{t('structure.action.lead')}</label>
            <input id={`${id}-lead`} aria-describedby={`${id}-list-hint`} {...input('lead')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-partners`}>{t('structure.action.partners')}</label>
            <input id={`${id}-partners`} aria-describedby={`${id}-list-hint`} {...input('partners')} />
          </div>
          <p id={`${id}-list-hint`} className="hint action-fields__hint">
            {t('structure.action.listHint')}
          </p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-start`}>{t('structure.action.startDate')}</label>
              <input id={`${id}-start`} type="date" {...input('start')} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-end`}>{t('structure.action.endDate')}</label>
              <input
                id={`${id}-end`}
                type="date"
                min={draft.start || undefined}
                aria-invalid={endBeforeStart || undefined}
                aria-describedby={endBeforeStart ? `${id}-dates` : undefined}
                {...input('end')}
              />
            </div>
          </div>
          {endBeforeStart && (
            <p id={`${id}-dates`} className="field-error" role="alert">
              {t('structure.action.endBeforeStart')}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-indicator`}>{t('structure.action.indicator')}</label>
            <input id={`${id}-indicator`} {...input('indicator')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('structure.action.status')}</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(event) => commitAll({ status: event.target.value as ActionStatus })}
            >
              {ACTION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`structure.action.statuses.${value}`)}
                </option>
              ))}
            </select>
          </div>
          {/* Enter in a field saves everything */}
          <button type="submit" className="visually-hidden" tabIndex={-1}>
            {t('structure.action.save')}
          </button>
        </form>
      )}
    </div>
  );
}
