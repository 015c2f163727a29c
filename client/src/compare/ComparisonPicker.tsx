import { useTranslation } from 'react-i18next';
import type { VersionRef } from '@accord/shared';
import type { PresentedVersion } from '../api/versionsApi';
import { FormField } from '../components/FormField';

interface ComparisonPickerProps {
  from: VersionRef;
  to: VersionRef;
  versions: PresentedVersion[];
  onChange(from: VersionRef, to: VersionRef): void;
}

const parse = (value: string): VersionRef => (value === 'live' ? 'live' : Number(value));

/** Which two texts are compared: any version, or the live text, on either side. */
export function ComparisonPicker({ from, to, versions, onChange }: ComparisonPickerProps) {
  const { t } = useTranslation();
  const options = (
    <>
      {versions.map((version) => (
        <option key={version.number} value={version.number}>
          {t('versions.compare.versionOption', { number: version.number, name: version.name })}
        </option>
      ))}
      <option value="live">{t('versions.compare.live')}</option>
    </>
  );
  return (
    <div className="compare-picker">
      <FormField label={t('versions.compare.from')}>
        {(field) => (
          <select
            {...field}
            value={String(from)}
            onChange={(event) => {
              const next = parse(event.target.value);
              onChange(next, next === to ? from : to);
            }}
          >
            {options}
          </select>
        )}
      </FormField>
      <FormField label={t('versions.compare.to')}>
        {(field) => (
          <select
            {...field}
            value={String(to)}
            onChange={(event) => {
              const next = parse(event.target.value);
              onChange(next === from ? to : from, next);
            }}
          >
            {options}
          </select>
        )}
      </FormField>
    </div>
  );
}
