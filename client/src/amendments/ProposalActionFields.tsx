import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, AmendmentLimits, type AmendmentActionFields } from '@accord/shared';

const splitList = (text: string) =>
  text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The fields of an action (action plans) as part of an amendment's proposal: lead organisations,
 * partners, timeline, indicator and status, edited as the proposal's wording is. Lists are typed
 * separated by semicolons, as in the editor's action details.
 */
export function ProposalActionFields({
  fields,
  onChange,
}: {
  fields: AmendmentActionFields;
  onChange(next: AmendmentActionFields): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<AmendmentActionFields>) => onChange({ ...fields, ...patch });
  const endBeforeStart = !!fields.startDate && !!fields.endDate && fields.endDate < fields.startDate;
  return (
    <fieldset className="amendment-form__fields" data-testid="amendment-action-fields">
      <legend>{t('amendments.form.actionFields')}</legend>
      <label htmlFor={`${id}-lead`}>{t('structure.action.lead')}</label>
      <input
        id={`${id}-lead`}
        defaultValue={fields.leadOrganisations.join('; ')}
        maxLength={AmendmentLimits.fieldMax}
        aria-describedby={`${id}-hint`}
        onChange={(e) => set({ leadOrganisations: splitList(e.target.value) })}
      />
      <label htmlFor={`${id}-partners`}>{t('structure.action.partners')}</label>
      <input
        id={`${id}-partners`}
        defaultValue={fields.partners.join('; ')}
        maxLength={AmendmentLimits.fieldMax}
        aria-describedby={`${id}-hint`}
        onChange={(e) => set({ partners: splitList(e.target.value) })}
      />
      <p id={`${id}-hint`} className="amendment-form__hint">
        {t('amendments.form.listHint')}
      </p>
      <label htmlFor={`${id}-start`}>{t('structure.action.startDate')}</label>
      <input
        id={`${id}-start`}
        type="date"
        value={fields.startDate ?? ''}
        onChange={(e) => set({ startDate: e.target.value || null })}
      />
      <label htmlFor={`${id}-end`}>{t('structure.action.endDate')}</label>
      <input
        id={`${id}-end`}
        type="date"
        value={fields.endDate ?? ''}
        aria-invalid={endBeforeStart}
        onChange={(e) => set({ endDate: e.target.value || null })}
      />
      {endBeforeStart && (
        <p role="alert" className="amendment-form__error">
          {t('structure.action.endBeforeStart')}
        </p>
      )}
      <label htmlFor={`${id}-indicator`}>{t('structure.action.indicator')}</label>
      <input
        id={`${id}-indicator`}
        value={fields.indicator}
        maxLength={AmendmentLimits.fieldMax}
        onChange={(e) => set({ indicator: e.target.value })}
      />
      <label htmlFor={`${id}-status`}>{t('structure.action.status')}</label>
      <select
        id={`${id}-status`}
        value={fields.status}
        onChange={(e) => set({ status: e.target.value as AmendmentActionFields['status'] })}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`structure.action.statuses.${status}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
