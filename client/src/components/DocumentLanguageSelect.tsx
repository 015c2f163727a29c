import { useTranslation } from 'react-i18next';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '@accord/shared';

interface DocumentLanguageSelectProps {
  id: string;
  value: DocumentLanguage;
  onChange(value: DocumentLanguage): void;
  'aria-describedby'?: string;
}

/** The languages a document can be written in (they set its numbering style), named in the UI's language. */
export function DocumentLanguageSelect({
  id,
  value,
  onChange,
  'aria-describedby': describedBy,
}: DocumentLanguageSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value as DocumentLanguage)}
    >
      {DOCUMENT_LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {t(`documentLanguages.${language}`)}
        </option>
      ))}
    </select>
  );
}
