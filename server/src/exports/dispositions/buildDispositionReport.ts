import type { CanonicalDocument, DocumentLanguage, ResolvedAnchor } from '@accord/shared';
import type { ThreadData } from '../../comments/ThreadData.js';
import type { CommentState } from '../../comments/foldComment.js';
import type { ExportVersion } from '../ExportInput.js';
import type { DispositionReport, DispositionRow, ReportComment } from './DispositionReport.js';
import { clauseReferences } from './clauseReferences.js';
import { countryName } from './countryName.js';

export interface DispositionReportInput {
  documentId: string;
  language: DocumentLanguage;
  version: ExportVersion;
  /** the rendering of the report's version (the live text for a report of the live text) */
  versionText: CanonicalDocument;
  /** the rendering of the live text */
  liveText: CanonicalDocument;
  /** the threads the reader may see, each with its anchor resolved against the live text */
  threads: Array<{ thread: ThreadData; anchor: ResolvedAnchor | undefined }>;
}

/**
 * The rows of the report, in the order of the report's version: threads on its clauses first
 * (in clause order), then those on clauses added since (in the order of the live text), then
 * those whose clause is gone; threads on one clause oldest first.
 */
export function buildDispositionReport(input: DispositionReportInput): DispositionReport {
  const thenRefs = clauseReferences(input.versionText);
  const nowRefs = clauseReferences(input.liveText);
  const thenOrder = orderOf(input.versionText);
  const nowOrder = orderOf(input.liveText);
  const language = input.language;

  const keyed = input.threads.map(({ thread, anchor }) => {
    const storedClause = thread.root.record.anchor?.clauseId ?? null;
    // a range that moved into a split-off clause belongs to that clause now
    const currentClause = anchor ? anchor.currentClauseId : storedClause;
    const row: DispositionRow = {
      threadId: thread.id,
      clauseThen: (storedClause && thenRefs.get(storedClause)) || null,
      clauseNow: (currentClause && nowRefs.get(currentClause)) || null,
      quote: thread.root.record.anchor?.quote ?? null,
      comment: reportComment(thread.root, language),
      status: thread.root.status,
      teamOnly: thread.root.visibility === 'team',
      replies: thread.replies.map((reply) => reportComment(reply, language)),
      disposition: thread.root.disposition
        ? {
            value: thread.root.disposition.value,
            reason: thread.root.disposition.reason,
            by: thread.root.disposition.by.name,
            at: thread.root.disposition.at,
          }
        : null,
    };
    const then = storedClause === null ? undefined : thenOrder.get(storedClause);
    const now = currentClause === null ? undefined : nowOrder.get(currentClause);
    const group = then !== undefined ? 0 : now !== undefined ? 1 : 2;
    const key = [group, then ?? now ?? 0, thread.root.record.createdAt.getTime()] as const;
    return { row, key };
  });
  keyed.sort(
    (a, b) =>
      a.key[0] - b.key[0] ||
      a.key[1] - b.key[1] ||
      a.key[2] - b.key[2] ||
      (a.row.threadId < b.row.threadId ? -1 : 1),
  );

  return {
    title: input.versionText.title,
    language,
    documentId: input.documentId,
    version: input.version,
    rows: keyed.map((k) => k.row),
  };
}

function orderOf(canonical: CanonicalDocument): Map<string, number> {
  const order = new Map<string, number>();
  canonical.clauses.forEach((clause, i) => {
    if (clause.clauseId && !order.has(clause.clauseId)) order.set(clause.clauseId, i);
  });
  return order;
}

function reportComment(state: CommentState, language: DocumentLanguage): ReportComment {
  const { author, createdAt } = state.record;
  const code = author.organisation?.country ?? null;
  return {
    author: author.name,
    organisation: author.organisation?.name ?? null,
    countryCode: code,
    country: code ? countryName(code, language) : null,
    at: createdAt,
    // deleted text stays in the comment's history, out of documents handed around
    text: state.deleted ? null : state.body,
  };
}
