const TOKEN_KEY = 'accord.invitationLink';
const ACCEPT_KEY = 'accord.invitationLink.acceptAfterRegistering';

/**
 * The token of the invitation link this tab opened. It moves from the address bar (`#<token>`)
 * to the tab's sessionStorage at once, so it survives signing in or registering on the way and
 * never lingers in the history or a `next=` parameter.
 */
export function takeInvitationLinkToken(): string | null {
  const fromHash = window.location.hash.slice(1);
  if (fromHash) {
    window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function forgetInvitationLink(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
  window.sessionStorage.removeItem(ACCEPT_KEY);
}

/** Someone registering from the link accepts by doing so: the page accepts once they are back. */
export const acceptAfterRegistering = {
  set: () => window.sessionStorage.setItem(ACCEPT_KEY, '1'),
  get: () => window.sessionStorage.getItem(ACCEPT_KEY) === '1',
};
