import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentProblem } from '@accord/shared';
import { structureApi } from '../api/accordApi';

/**
 * For coordinators: what the server found in the stored content that does not fit the document
 * schema (nothing is dropped; someone has to look). Asked once when the document opens.
 */
export function OutlineProblems({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<DocumentProblem[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    structureApi
      .getOutline(documentId, controller.signal)
      .then((outline) => setProblems(outline.problems ?? []))
      // the notice is a convenience: without an answer there is nothing to say
      .catch(() => {});
    return () => controller.abort();
  }, [documentId]);
  if (problems.length === 0) return null;
  return (
    <div className="alert alert--warning outline__problems" role="status" data-testid="outline-problems">
      <p>
        <strong>{t('structure.outline.problems', { count: problems.length })}</strong>
      </p>
      <p>{t('structure.outline.problemsExplain')}</p>
      <details>
        <summary>{t('structure.outline.problemsDetails')}</summary>
        <ul>
          {problems.slice(0, 20).map((problem, index) => (
            <li key={index}>
              <code>{problem.code}</code> {problem.message}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
