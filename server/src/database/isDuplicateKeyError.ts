/**
 * True for MongoDB's E11000 "duplicate key" (also what FerretDB answers): a unique index refused
 * an insert. Unique inserts are this codebase's compare-and-swap (DESIGN.md §2), so callers turn
 * this into 409 answers.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 11000 || code === 11001) return true;
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  return Array.isArray(writeErrors) && writeErrors.some((w) => isDuplicateKeyError(w));
}
