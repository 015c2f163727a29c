/** Ctrl+F, or Cmd+F on a Mac: the browser's "find in page" keys. */
export function isFindShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
}
