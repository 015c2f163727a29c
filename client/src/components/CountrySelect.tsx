import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from './COUNTRY_CODES';
import { countryNamer } from './countryNames';

interface CountrySelectProps {
  id: string;
  name?: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** Every country, named and sorted in the interface language; the value is the ISO code. */
export function CountrySelect({ value, onChange, ...control }: CountrySelectProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const countries = useMemo(() => {
    const nameOf = countryNamer(language);
    const collator = new Intl.Collator(language);
    return COUNTRY_CODES.map((code) => ({ code, name: nameOf(code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [language]);
  return (
    <select
      {...control}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="country"
    >
      <option value="">{t('auth.chooseCountry')}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </select>
  );
}
