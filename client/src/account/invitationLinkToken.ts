import { takeLinkToken } from './linkToken';

const TOKEN_KEY = 'accord.invitationLink';
const ACCEPT_KEY = 'accord.invitationLink.acceptAfterRegistering';

/** The token of the invitation link this tab opened (see takeLinkToken). */
export function takeInvitationLinkToken(): string | null {
  return takeLinkToken(TOKEN_KEY);
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
