// Zod-free (the client imports it).

/**
 * Whether `typed` confirms deleting a document titled `title`: the same text, ignoring
 * surrounding spaces and letter case (what people retype is the words, not their capitals).
 */
export function confirmsTitle(typed: string, title: string): boolean {
  return typed.trim().toLocaleLowerCase() === title.trim().toLocaleLowerCase();
}
