import { AccountDeletion } from '../models/AccountDeletion.js';

/**
 * The ids of deleted accounts, so presenters can show what they wrote as a former member's
 * (an empty name; clients show "Former member" in their language). Names are snapshotted into
 * comments, events and versions when written; this set, not a rewrite of those insert-only
 * records, is what hides them. Loaded at start-up, refreshed every `refreshMs` (deletions made by
 * another instance show within that time) and at once for deletions made here.
 */
const ids = new Set<string>();

export function isFormerMember(userId: string): boolean {
  return ids.has(userId);
}

/** The name to present for `userId`: theirs, or '' for a former member. */
export function presentedName(userId: { toHexString(): string } | string, name: string): string {
  return isFormerMember(typeof userId === 'string' ? userId : userId.toHexString()) ? '' : name;
}

export function noteFormerMember(userId: string): void {
  ids.add(userId);
}

export async function loadFormerMembers(): Promise<void> {
  const rows = await AccountDeletion.find({}, { _id: 1 }).lean();
  for (const row of rows) if (typeof row._id === 'string') ids.add(row._id);
}

/** Loads the set, then keeps refreshing it; answers the function that stops refreshing. */
export async function startFormerMembers(
  refreshMs: number,
  onError: (error: unknown) => void,
): Promise<() => void> {
  await loadFormerMembers();
  const timer = setInterval(() => loadFormerMembers().catch(onError), refreshMs);
  timer.unref();
  return () => clearInterval(timer);
}
