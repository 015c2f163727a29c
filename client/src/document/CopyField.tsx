import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a button that copies it (and selects it, where copying is refused). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={`${id}-value`}>{label}</label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={`${id}-value`}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('joinLinks.copy')}
        </button>
      </div>
      <p className="hint" role="status">
        {copied === true ? t('joinLinks.copied') : copied === false ? t('joinLinks.copyFailed') : ''}
      </p>
    </div>
  );
}
