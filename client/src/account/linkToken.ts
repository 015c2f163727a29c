/**
 * The token of an emailed or shared link this tab opened (`/invitation#<token>`, `/join#<token>`).
 * It moves from the address bar to the tab's sessionStorage under `key` at once, so it survives
 * signing in or registering on the way and never lingers in the history or a `next=` parameter.
 */
export function takeLinkToken(key: string): string | null {
  const fromHash = window.location.hash.slice(1);
  if (fromHash) {
    window.sessionStorage.setItem(key, fromHash);
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return window.sessionStorage.getItem(key);
}
