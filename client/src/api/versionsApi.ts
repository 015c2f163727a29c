import type {
  ComparisonAnswer,
  DispositionReportFormat,
  ExportFormat,
  PresentedContent,
  PresentedDocument,
  PresentedProposal,
  PresentedPublication,
  PresentedVersion,
  PresentedWorkflow,
  VersionRef,
} from '@accord/shared';

export type {
  ComparisonAnswer,
  PresentedProposal,
  PresentedPublication,
  PresentedVersion,
  PresentedWorkflow,
};
import { apiRequest } from './apiRequest';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const options = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Versions, comparison, workflow and publications (issue 11), one method per endpoint. */
export const versionsApi = {
  listVersions: (id: string, signal?: AbortSignal) =>
    apiRequest<{ versions: PresentedVersion[] }>(`${documentPath(id)}/versions`, options(signal)),
  getVersion: (id: string, number: number, signal?: AbortSignal) =>
    apiRequest<{ version: PresentedVersion; content: PresentedContent }>(
      `${documentPath(id)}/versions/${number}`,
      options(signal),
    ),
  freeze: (id: string, name: string, note?: string) =>
    apiRequest<{ version: PresentedVersion }>(`${documentPath(id)}/versions`, {
      method: 'POST',
      body: note ? { name, note } : { name },
    }),
  restore: (id: string, number: number) =>
    apiRequest<{ restoredFrom: number }>(`${documentPath(id)}/versions/${number}/restore`, {
      method: 'POST',
    }),

  listProposals: (id: string, signal?: AbortSignal) =>
    apiRequest<{ proposals: PresentedProposal[] }>(`${documentPath(id)}/version-proposals`, options(signal)),
  propose: (id: string, name: string, note?: string) =>
    apiRequest<{ proposal: PresentedProposal }>(`${documentPath(id)}/version-proposals`, {
      method: 'POST',
      body: note ? { name, note } : { name },
    }),
  confirmProposal: (id: string, proposalId: string) =>
    apiRequest<{ version: PresentedVersion }>(
      `${documentPath(id)}/version-proposals/${encodeURIComponent(proposalId)}/confirm`,
      { method: 'POST', body: {} },
    ),
  dismissProposal: (id: string, proposalId: string) =>
    apiRequest<void>(`${documentPath(id)}/version-proposals/${encodeURIComponent(proposalId)}/dismiss`, {
      method: 'POST',
    }),

  compare: (id: string, from: VersionRef, to: VersionRef, signal?: AbortSignal) =>
    apiRequest<ComparisonAnswer>(
      `${documentPath(id)}/compare?from=${encodeURIComponent(String(from))}&to=${encodeURIComponent(String(to))}`,
      options(signal),
    ),
  liveContent: (id: string, signal?: AbortSignal) =>
    apiRequest<PresentedContent>(`${documentPath(id)}/content?format=json`, options(signal)),

  changeWorkflow: (
    id: string,
    body: { to: 'drafting' | 'review' | 'final'; note?: string; lockText?: boolean },
  ) => apiRequest<{ workflow: PresentedWorkflow }>(`${documentPath(id)}/workflow`, { method: 'POST', body }),

  listPublications: (id: string, signal?: AbortSignal) =>
    apiRequest<{ publications: PresentedPublication[] }>(`${documentPath(id)}/publications`, options(signal)),
  publish: (id: string, version: number, release: 'major' | 'minor', overrideReason?: string) =>
    apiRequest<{ publication: PresentedPublication }>(`${documentPath(id)}/publications`, {
      method: 'POST',
      body: overrideReason ? { version, release, overrideReason } : { version, release },
    }),
  setPublic: (id: string, isPublic: boolean) =>
    apiRequest<{ document: PresentedDocument }>(documentPath(id), {
      method: 'PATCH',
      body: { public: isPublic },
    }),
};

/** Where the live text or a version downloads in one format. */
export const documentExportUrl = (id: string, format: ExportFormat, version: VersionRef) =>
  `${documentPath(id)}/export?format=${format}&version=${version}`;

/** The disposition-of-comments report of the live text or a version. */
export const dispositionReportUrl = (id: string, format: DispositionReportFormat, version: VersionRef) =>
  `${documentPath(id)}/dispositions?format=${format}&version=${version}`;
