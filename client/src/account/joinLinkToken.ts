const TOKEN_KEY = 'accord.joinLink';

/**
 * The token of the join link this tab opened. Like an invitation link's, it moves from the address
 * bar (`#<token>`) to the tab's sessionStorage at once, so it survives registering or signing in
 * on the way and never lingers in the history or a `next=` parameter.
 */
export function takeJoinLinkToken(): string | null {
  const fromHash = window.location.hash.slice(1);
  if (fromHash) {
    window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function forgetJoinLink(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}
