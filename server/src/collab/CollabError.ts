import type { CloseCodeValue } from '@accord/shared';

/** Ends one collaboration connection with a named close code; the document is untouched. */
export class CollabError extends Error {
  constructor(
    readonly closeCode: CloseCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'CollabError';
  }
}
