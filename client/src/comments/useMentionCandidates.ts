import { useMemo } from 'react';
import { useDocumentMembers } from '../document/useDocumentMembers';
import type { MentionCandidate } from './CommentComposer';

const NOBODY: MentionCandidate[] = [];

/** The members "@" suggests; without the list (it failed to load), "@" simply suggests nobody. */
export function useMentionCandidates(documentId: string): MentionCandidate[] {
  const [members] = useDocumentMembers(documentId);
  return useMemo(
    () =>
      members.status !== 'ready'
        ? NOBODY
        : members.members.map((member) => ({
            id: member.userId,
            name: member.name,
            detail: member.organisation
              ? `${member.organisation.name} (${member.organisation.country})`
              : null,
          })),
    [members],
  );
}
