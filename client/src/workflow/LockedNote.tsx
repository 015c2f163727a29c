import { useTranslation } from 'react-i18next';
import type { WorkflowState } from '@accord/shared';

/** Why an editor's text is read-only: the workflow locked it (comments stay open). */
export function LockedNote({ state }: { state: WorkflowState }) {
  const { t } = useTranslation();
  return (
    <div className="readonly-note readonly-note--locked" data-testid="locked-note" role="status">
      <strong>{t('versions.workflow.lockedTitle', { state: t(`versions.workflow.state.${state}`) })}</strong>
      <span> — {t('versions.workflow.lockedExplain')}</span>
    </div>
  );
}
