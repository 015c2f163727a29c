import { useTranslation } from 'react-i18next';
import type { PresentedPublicationSignoff } from '@accord/shared';
import { useDateFormat } from '../i18n/useDateFormat';

/** A publication's endorsing organisations with their dates, and the override reason if any. */
export function PublicationEndorsements({
  signoff,
}: {
  signoff: PresentedPublicationSignoff | null | undefined;
}) {
  const { t } = useTranslation();
  const date = useDateFormat({ dateStyle: 'medium' });
  if (!signoff) return null;
  return (
    <div className="publication__endorsements" data-testid="publication-endorsements">
      <p className="hint">
        {signoff.endorsements.length > 0
          ? t('signoff.publication.endorsedBy', {
              list: signoff.endorsements
                .map((e) => `${e.organisation.name} (${date.format(new Date(e.at))})`)
                .join(', '),
            })
          : t('signoff.publication.none')}
      </p>
      {signoff.override && (
        <p className="signoff__override">
          {t('signoff.publication.override', { reason: signoff.override.reason })}
        </p>
      )}
    </div>
  );
}
