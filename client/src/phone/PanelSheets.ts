/** The panels that a phone shows as sheets over the text, opened from the bottom bar. */
export type SheetName = 'outline' | 'comments' | 'members';

export type SheetEvent = { type: 'opened'; sheet: SheetName } | { type: 'closed'; sheet: SheetName };
export type SheetEventType = SheetEvent['type'];
export type SheetEventOf<T extends SheetEventType> = Extract<SheetEvent, { type: T }>;

type AnyListener = (event: SheetEvent) => void;

/**
 * Which of the document page's side panels is open as a sheet (at most one), with typed events
 * for those who react to a change (the bottom bar gives the focus back to its button). One per
 * document page; the comments panel's narrow-screen drawer uses the same state.
 */
export class PanelSheets {
  private current: SheetName | null = null;
  private readonly listeners = new Map<SheetEventType, Set<AnyListener>>();
  private readonly changes = new Set<() => void>();

  readonly getSnapshot = (): SheetName | null => this.current;

  /** for useSyncExternalStore: called after every change */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.changes.add(listener);
    return () => this.changes.delete(listener);
  };

  on<T extends SheetEventType>(type: T, listener: (event: SheetEventOf<T>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const any = listener as AnyListener;
    set.add(any);
    return () => set.delete(any);
  }

  open(sheet: SheetName): void {
    if (this.current === sheet) return;
    this.close();
    this.current = sheet;
    this.emit({ type: 'opened', sheet });
  }

  close(): void {
    const sheet = this.current;
    if (sheet === null) return;
    this.current = null;
    this.emit({ type: 'closed', sheet });
  }

  toggle(sheet: SheetName): void {
    if (this.current === sheet) this.close();
    else this.open(sheet);
  }

  private emit(event: SheetEvent): void {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
    for (const listener of this.changes) listener();
  }
}
