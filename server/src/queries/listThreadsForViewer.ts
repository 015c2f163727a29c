import type { ClauseCommentCounts, CommentFacets, ListCommentsQuery, ResolvedAnchor } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { DocumentRecord } from '../models/Document.js';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentState } from '../comments/foldComment.js';
import { resolveThreadAnchors } from '../comments/resolveThreadAnchors.js';
import {
  canSeeThread,
  seesThreadAsAuthor,
  threadAudience,
  type CommentViewer,
} from '../permissions/commentPermissions.js';
import { commentCache } from '../comments/CommentCache.js';
import { presentedName } from './formerMembers.js';

export interface ThreadListing {
  threads: Array<{ thread: ThreadData; anchor: ResolvedAnchor | undefined }>;
  clauseCounts: Record<string, ClauseCommentCounts>;
  facets: CommentFacets;
}

/**
 * The threads of a document the viewer may see, with their anchors resolved against the current
 * text, filtered by `filters` (AND). Counts per clause and the filter facets cover every visible
 * thread, so the outline and the filter menus do not change while filtering.
 */
export async function listThreadsForViewer(
  collab: CollabControl,
  document: DocumentRecord,
  viewer: CommentViewer,
  filters: ListCommentsQuery,
): Promise<ThreadListing> {
  const documentId = document._id.toHexString();
  // every thread's anchor is resolved (and memoised for all viewers); each viewer sees their share
  const { version, threads: all } = await commentCache.threads(documentId);
  const visible = all.filter((thread) => canSeeThread(viewer, threadAudience(thread.root)));
  const anchors = await resolveThreadAnchors(collab, documentId, document.language, all, version);

  const { clauseCounts, facets } = summarise(all, visible, anchors, audienceClass(viewer, visible));
  const threads = visible
    .filter((thread) => matches(thread, anchors.get(thread.id), filters))
    .map((thread) => ({ thread, anchor: anchors.get(thread.id) }));
  return {
    threads,
    clauseCounts,
    facets,
  };
}

/**
 * Viewers who see the same threads: the drafting team ('team'), everyone else ('all') — apart from
 * those outside the team who opened team-only threads, who see those too (one class each).
 */
function audienceClass(viewer: CommentViewer, visible: ThreadData[]): string {
  if (canSeeThread(viewer, { visibility: 'team', authorId: '' })) return 'team';
  const ownTeamThreads = visible.some((thread) => seesThreadAsAuthor(viewer, threadAudience(thread.root)));
  return ownTeamThreads ? `author:${viewer.userId}` : 'all';
}

type Summary = Pick<ThreadListing, 'clauseCounts' | 'facets'>;
/** per threads list (rebuilt on every comment change): per audience class, with the anchors used */
const summaries = new WeakMap<
  ThreadData[],
  Map<string, { anchors: Map<string, ResolvedAnchor>; summary: Summary }>
>();

/** Counts per clause and filter facets of the visible threads (the same for viewers alike). */
function summarise(
  all: ThreadData[],
  visible: ThreadData[],
  anchors: Map<string, ResolvedAnchor>,
  audience: string,
): Summary {
  let byClass = summaries.get(all);
  if (!byClass) summaries.set(all, (byClass = new Map()));
  const known = byClass.get(audience);
  if (known && known.anchors === anchors) return known.summary;
  const clauseCounts: Record<string, ClauseCommentCounts> = {};
  const organisations = new Map<string, { id: string; name: string; country: string; threads: number }>();
  const countries = new Map<string, number>();
  const authors = new Map<string, { id: string; name: string; threads: number }>();
  for (const thread of visible) {
    const anchor = anchors.get(thread.id);
    const clauseId = anchor?.currentClauseId ?? anchor?.clauseId ?? thread.root.record.anchor?.clauseId;
    if (clauseId) {
      const counts = (clauseCounts[clauseId] ??= { open: 0, resolved: 0 });
      counts[thread.root.status] += 1;
    }
    const seenOrganisations = new Set<string>();
    const seenCountries = new Set<string>();
    const seenAuthors = new Set<string>();
    for (const comment of commentsOf(thread)) {
      const author = comment.record.author;
      const authorId = comment.record.authorId.toHexString();
      if (!seenAuthors.has(authorId)) {
        seenAuthors.add(authorId);
        const entry = authors.get(authorId) ?? {
          id: authorId,
          name: presentedName(authorId, author.name),
          threads: 0,
        };
        entry.threads += 1;
        authors.set(authorId, entry);
      }
      const organisation = author.organisation;
      if (!organisation) continue;
      const organisationId = organisation.id.toHexString();
      if (!seenOrganisations.has(organisationId)) {
        seenOrganisations.add(organisationId);
        const entry = organisations.get(organisationId) ?? {
          id: organisationId,
          name: organisation.name,
          country: organisation.country,
          threads: 0,
        };
        entry.threads += 1;
        organisations.set(organisationId, entry);
      }
      if (!seenCountries.has(organisation.country)) {
        seenCountries.add(organisation.country);
        countries.set(organisation.country, (countries.get(organisation.country) ?? 0) + 1);
      }
    }
  }

  const summary: Summary = {
    clauseCounts,
    facets: {
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...countries.entries()]
        .map(([country, n]) => ({ country, threads: n }))
        .sort((a, b) => a.country.localeCompare(b.country)),
      authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
  byClass.set(audience, { anchors, summary });
  return summary;
}

function commentsOf(thread: ThreadData): CommentState[] {
  return [thread.root, ...thread.replies];
}

/** Status and clause concern the thread; organisation, country and author any of its comments. */
function matches(
  thread: ThreadData,
  anchor: ResolvedAnchor | undefined,
  filters: ListCommentsQuery,
): boolean {
  if (filters.status && thread.root.status !== filters.status) return false;
  if (
    filters.clauseId &&
    anchor?.clauseId !== filters.clauseId &&
    anchor?.currentClauseId !== filters.clauseId
  )
    return false;
  if (filters.organisation || filters.country || filters.author) {
    return commentsOf(thread).some((comment) => {
      const organisation = comment.record.author.organisation;
      if (filters.author && comment.record.authorId.toHexString() !== filters.author) return false;
      if (filters.organisation && organisation?.id.toHexString() !== filters.organisation) return false;
      if (filters.country && organisation?.country !== filters.country) return false;
      return true;
    });
  }
  return true;
}
