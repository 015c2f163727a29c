import * as Y from 'yjs';

interface Run {
  client: number;
  clock: number;
  text: string;
}

/**
 * The text of recently deleted characters, which Yjs garbage-collects (it keeps only their ids and
 * count). A move repair uses it to tell, in the copy an editor made of a clause while offline,
 * whether a character the server has since deleted is there (the editor still saw it: its copy
 * is deleted too) or the editor's own typing happens to stand at that place. Memory only and
 * bounded (oldest first out): after a restart or past the bound, the repair does without it.
 */
export class DeletedText {
  private readonly byClient = new Map<number, Run[]>();
  private readonly order: Run[] = [];
  private head = 0;
  private size = 0;

  constructor(private readonly limit = 200_000) {}

  /** Call for each item Yjs is about to garbage-collect (from the document's gcFilter). */
  record(item: Y.Item): void {
    if (!(item.content instanceof Y.ContentString) || this.limit <= 0) return;
    const run: Run = { client: item.id.client, clock: item.id.clock, text: item.content.str };
    const runs = this.byClient.get(run.client) ?? [];
    runs.splice(this.indexAfter(runs, run.clock), 0, run);
    this.byClient.set(run.client, runs);
    this.order.push(run);
    this.size += run.text.length;
    while (this.size > this.limit) this.evict();
  }

  /** The deleted character with this id, when still known. */
  charAt(client: number, clock: number): string | undefined {
    const runs = this.byClient.get(client);
    if (!runs) return undefined;
    const run = runs[this.indexAfter(runs, clock) - 1];
    if (!run || clock >= run.clock + run.text.length) return undefined;
    return run.text[clock - run.clock];
  }

  /** The index of the first run that starts after `clock`. */
  private indexAfter(runs: Run[], clock: number): number {
    let low = 0;
    let high = runs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (runs[mid]!.clock <= clock) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private evict(): void {
    const run = this.order[this.head++]!;
    this.size -= run.text.length;
    const runs = this.byClient.get(run.client)!;
    runs.splice(runs.indexOf(run), 1);
    if (runs.length === 0) this.byClient.delete(run.client);
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }
}
