/**
 * Runs tasks for one document one after another within this process (DESIGN.md §2: "within one
 * server process, writes to one document go through one queue"). FerretDB applies updates as
 * unlocked read-modify-write, and invariants such as "a document keeps a coordinator" are checked
 * by reading first; queueing per document makes those checks hold against this process's own
 * concurrent requests. Commands still re-check after writing, for other processes.
 */
const tails = new Map<string, Promise<unknown>>();

export function serializePerDocument<T>(documentId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(documentId) ?? Promise.resolve();
  const result = previous.then(task, task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(documentId, tail);
  void tail.then(() => {
    if (tails.get(documentId) === tail) tails.delete(documentId);
  });
  return result;
}
