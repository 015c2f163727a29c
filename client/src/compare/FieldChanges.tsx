import { useTranslation } from 'react-i18next';
import type { ActionFieldChange } from '@accord/shared';

const show = (value: ActionFieldChange['from']): string =>
  value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** Action fields that differ (lead, partners, dates, indicator, status), field by field. */
export function FieldChanges({ fields }: { fields: ActionFieldChange[] }) {
  const { t } = useTranslation();
  return (
    <dl className="field-changes">
      {fields.map((field) => (
        <div key={field.field} className="field-changes__row">
          <dt>{t(`versions.compare.field.${field.field}`)}</dt>
          <dd>
            {show(field.from) && (
              <del className="diff-del">
                <span className="visually-hidden">{t('versions.compare.deleted')} </span>
                {show(field.from)}
              </del>
            )}{' '}
            {show(field.to) && (
              <ins className="diff-ins">
                <span className="visually-hidden">{t('versions.compare.inserted')} </span>
                {show(field.to)}
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
