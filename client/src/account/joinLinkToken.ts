import { takeLinkToken } from './linkToken';

const TOKEN_KEY = 'accord.joinLink';

/** The token of the join link this tab opened (see takeLinkToken). */
export function takeJoinLinkToken(): string | null {
  return takeLinkToken(TOKEN_KEY);
}

export function forgetJoinLink(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}
