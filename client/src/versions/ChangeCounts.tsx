import { useTranslation } from 'react-i18next';
import type { PresentedVersion } from '../api/versionsApi';

const KINDS = ['added', 'removed', 'modified', 'moved'] as const;

/** "3 added · 1 removed · 2 modified · 1 moved" since the previous version (counts of zero left out). */
export function ChangeCounts({ version }: { version: PresentedVersion }) {
  const { t } = useTranslation();
  if (version.number === 1) return <p className="version__changes">{t('versions.list.first')}</p>;
  const parts = KINDS.filter((kind) => version.changes[kind] > 0).map((kind) =>
    t(`versions.counts.${kind}`, { count: version.changes[kind] }),
  );
  return (
    <p className="version__changes">
      {parts.length === 0 ? t('versions.list.noChanges') : parts.join(' · ')}
    </p>
  );
}
