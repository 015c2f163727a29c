import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './workflow.css';
import { WORKFLOW_STATES } from '@accord/shared';
import type { Workflow } from './useWorkflow';
import { WorkflowChangeForm } from './WorkflowChangeForm';

interface WorkflowBarProps {
  documentId: string;
  workflow: Workflow;
  canChange: boolean;
  onChanged(workflow: Workflow): void;
  /** the state changed elsewhere meanwhile: load the document again */
  onReload(): void;
}

/** Where the document stands (drafting → review → final → published), and coordinators move it. */
export function WorkflowBar({ documentId, workflow, canChange, onChanged, onReload }: WorkflowBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const current = WORKFLOW_STATES.indexOf(workflow.state);
  return (
    <section className="workflow-bar" aria-labelledby={`${id}-title`} data-testid="workflow-bar">
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('versions.workflow.title')}
      </h2>
      <ol className="workflow-steps">
        {WORKFLOW_STATES.map((state, index) => (
          <li
            key={state}
            className={
              index === current
                ? 'workflow-steps__step workflow-steps__step--current'
                : 'workflow-steps__step'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            {index < current && <span aria-hidden="true">✓ </span>}
            {t(`versions.workflow.state.${state}`)}
            {index === current && <span className="visually-hidden"> {t('versions.workflow.current')}</span>}
          </li>
        ))}
      </ol>
      {workflow.textLocked && (
        <span className="workflow-bar__lock" data-testid="text-locked">
          <svg
            className="workflow-bar__lock-icon"
            viewBox="0 0 16 16"
            width="14"
            height="14"
            aria-hidden="true"
          >
            <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
          {t('versions.workflow.locked')}
        </span>
      )}
      <p className="workflow-bar__explain hint">{t(`versions.workflow.explain.${workflow.state}`)}</p>
      {canChange && (
        <WorkflowChangeForm
          documentId={documentId}
          workflow={workflow}
          onChanged={onChanged}
          onReload={onReload}
        />
      )}
    </section>
  );
}
