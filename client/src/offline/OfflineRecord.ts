import type { PresentedDocument, PresentedUser } from '@accord/shared';

const KEY = 'accord:offline';

interface Stored {
  user: PresentedUser;
  /** the documents opened on this device (their text is in IndexedDB), as last presented */
  documents: Record<string, PresentedDocument>;
}

function read(): Stored | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function write(stored: Stored | null): void {
  try {
    if (stored) window.localStorage.setItem(KEY, JSON.stringify(stored));
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage full or disabled: the app still works online
  }
}

/**
 * What the app needs to open with no network: the signed-in user and the documents opened on
 * this device (their text is in IndexedDB). Written on every successful answer, read when the
 * server cannot be reached, deleted on sign-out with the offline copies.
 */
export const OfflineRecord = {
  user(): PresentedUser | null {
    return read()?.user ?? null;
  },
  rememberUser(user: PresentedUser): void {
    const stored = read();
    // another account on this device: the previous one's documents are not its to list
    write({ user, documents: stored?.user.id === user.id ? stored.documents : {} });
  },
  documents(): PresentedDocument[] {
    return Object.values(read()?.documents ?? {});
  },
  document(id: string): PresentedDocument | null {
    return read()?.documents[id] ?? null;
  },
  isAvailable(id: string): boolean {
    return !!read()?.documents[id];
  },
  rememberDocument(document: PresentedDocument): void {
    const stored = read();
    if (!stored) return;
    write({ ...stored, documents: { ...stored.documents, [document.id]: document } });
  },
  forgetDocument(id: string): void {
    const stored = read();
    if (!stored?.documents[id]) return;
    const { [id]: _gone, ...documents } = stored.documents;
    write({ ...stored, documents });
  },
  forget(): void {
    write(null);
  },
};
