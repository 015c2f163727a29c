import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { OFFLINE_COPY_PREFIX } from './OFFLINE_COPY_PREFIX';
import { browserScheduler } from '../scheduling/afterNextPaint';
import { SaveStatusGate, type SaveStatus } from './SaveStatusGate';
import { deferOfflineCopyWrites } from './deferOfflineCopyWrites';
import { collaboratorsOf, sameCollaborators, type Collaborator } from './collaboratorsOf';
import { EditorSlot } from './EditorSlot';
import { LiveEvents } from './LiveEvents';
import { DocumentComments } from '../comments/DocumentComments';
import { AmendmentStore } from '../amendments/AmendmentStore';
import { ClauseDeletion } from '../editor/deletion/ClauseDeletion';
import { keepRemoteStatesAlive } from './keepRemoteStatesAlive';
import { sendOwnAwarenessOnly } from './sendOwnAwarenessOnly';
import { loadBeforeConnecting } from './loadBeforeConnecting';
import {
  ACCORD_PROTOCOL_VERSION,
  CloseCode,
  MessageType,
  SCHEMA_VERSION,
  SavedTracker,
  closeCodeIsTransient,
  createEditorDoc,
  encodeHello,
  readEvent,
  readSaved,
  type DocumentLanguage,
} from '@accord/shared';

export type ConnectionStatus = 'connecting' | 'syncing' | 'online' | 'offline';
export type { SaveStatus } from './SaveStatusGate';
export type { Collaborator } from './collaboratorsOf';

export interface CollabState {
  connection: ConnectionStatus;
  save: SaveStatus;
  /** The last Accord close code from the server, cleared when a new connection syncs. */
  closeCode: number | null;
  /** Whether the server will not be retried (the close code said reconnecting cannot help). */
  stopped: boolean;
  /** Failed connection attempts since the last successful one. */
  failedAttempts: number;
  collaborators: Collaborator[];
  /** Whether this device's saved copy (IndexedDB) has loaded with some text: shown before the server's. */
  localCopy: boolean;
}

export interface CollabUser {
  /** the account id: one person with two tabs is listed once */
  id: string;
  name: string;
  color: string;
}

/** The state of a session that has not connected yet. */
export const INITIAL_COLLAB_STATE: CollabState = {
  connection: 'connecting',
  save: 'saved',
  closeCode: null,
  stopped: false,
  failedAttempts: 0,
  collaborators: [],
  localCopy: false,
};

/** Whether y-websocket should connect again after a close (one rule, in shared/). */
function shouldReconnect(event: CloseEvent): boolean {
  return closeCodeIsTransient(event.code);
}

/**
 * One open document: its Y.Doc, the collaboration socket, the offline copy, the derived states
 * the page shows (connection, saved, who is here), the live events, the editor bound to it and
 * its comments. The page subscribes with useSyncExternalStore; the editor binds to `ydoc` and
 * `provider`.
 */
export class CollabSession {
  /** never under one of the server's client ids (the server would refuse its edits), and keeping
   * what this person wrote in a clause someone moved until it is sent (createEditorDoc) */
  readonly ydoc = createEditorDoc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  private readonly events = new LiveEvents();
  /** the editor showing this document, while one does */
  readonly editor = new EditorSlot();
  readonly comments: DocumentComments;
  readonly amendments: AmendmentStore;
  /** deleting clauses, with the question it may ask first */
  readonly clauseDeletion: ClauseDeletion;
  /** the offline copy is written just after the frame showing an edit, not inside the keystroke */
  private readonly offlineWrites: { flush(): void; stop(): void };
  /** low-data mode: the names of who is here, without their carets (RoomAwareness on the server) */
  readonly lowData: boolean;
  private stopKeepingStates: () => void = () => {};
  private readonly stopOwnAwareness: () => void;
  private state: CollabState = INITIAL_COLLAB_STATE;
  private readonly listeners = new Set<() => void>();
  /** Asks the server, behind each local change, to say when it is stored (ACCORD_SAVED). */
  private readonly saved: SavedTracker;
  private connected = false;
  private everConnected = false;
  private destroyed = false;
  /** when a change of the save status alone is shown (not inside the keystroke that made it) */
  private readonly saveGate = new SaveStatusGate(
    browserScheduler,
    () => this.actualSave(this.state.connection),
    (save) => {
      if (this.destroyed || save === this.state.save) return;
      this.state = { ...this.state, save };
      this.notify();
    },
  );

  constructor(
    readonly documentId: string,
    user: CollabUser,
    language: DocumentLanguage,
    options: { lowData?: boolean } = {},
  ) {
    this.lowData = options.lowData ?? false;
    const wsBase = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
    this.persistence = new IndexeddbPersistence(OFFLINE_COPY_PREFIX + documentId, this.ydoc);
    this.offlineWrites = deferOfflineCopyWrites(this.persistence, this.ydoc, browserScheduler);
    // the saved copy is in the document as soon as it has loaded; the editor shows it at once
    this.persistence.on('synced', () => this.update({ localCopy: this.ydoc.store.clients.size > 0 }));
    this.provider = new WebsocketProvider(`${wsBase}/collab`, documentId, this.ydoc, {
      connect: false,
      params: { schema: String(SCHEMA_VERSION), ...(this.lowData ? { lowData: '1' } : {}) },
      shouldReconnect,
    });
    this.stopOwnAwareness = sendOwnAwarenessOnly(this.provider);
    this.provider.awareness.setLocalStateField('user', user);
    if (this.lowData) this.stopKeepingStates = keepRemoteStatesAlive(this.provider.awareness);

    this.saved = new SavedTracker(
      (message) => {
        const ws = this.provider.ws;
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(message);
      },
      () => this.update({}),
    );
    this.provider.messageHandlers[MessageType.ACCORD_SAVED] = (_encoder, decoder) => {
      let n: number;
      try {
        n = readSaved(decoder);
      } catch {
        return; // a garbled answer must not claim anything is stored
      }
      this.saved.acknowledged(n);
    };
    this.provider.messageHandlers[MessageType.ACCORD_EVENT] = (_encoder, decoder) => {
      let event: unknown;
      try {
        event = readEvent(decoder);
      } catch {
        return;
      }
      this.events.emit(event);
    };

    this.provider.on('status', ({ status }) => {
      if (status === 'connected') {
        this.connected = true;
        this.everConnected = true;
        // ask for ACCORD_SAVED messages; a server that does not know Accord's messages never sends them
        this.provider.ws?.send(encodeHello(ACCORD_PROTOCOL_VERSION));
      } else {
        if (this.connected) this.saved.disconnected();
        this.connected = false;
      }
      this.update({});
    });
    this.provider.on('sync', (synced) => {
      if (!synced) return this.update({});
      // the reply to the server's greeting (our offline changes) is already on the socket
      this.saved.synced();
      this.update({ closeCode: null, failedAttempts: 0 });
    });
    this.provider.on('connection-close', (event) => {
      const code = event?.code ?? 0;
      const patch: Partial<CollabState> = { failedAttempts: this.state.failedAttempts + 1 };
      if (code >= 4000 && code < 5000) patch.closeCode = code;
      if (code === CloseCode.FORBIDDEN) void this.forgetLocalCopy();
      this.update(patch);
    });
    this.provider.on('closed', () => this.update({ stopped: true }));

    this.provider.awareness.on('change', () => this.updateCollaborators());
    // Everything not received from the server counts as a change to save, including what the
    // offline copy brings back: it may hold edits a tab closed offline never sent.
    this.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.saved.localChange();
    });

    window.addEventListener('online', this.handleNetworkChange);
    window.addEventListener('offline', this.handleNetworkChange);
    // the tab may be closed or frozen before the next frame: write the offline copy now
    window.addEventListener('pagehide', this.flushOfflineCopy);
    document.addEventListener('visibilitychange', this.flushWhenHidden);

    this.comments = new DocumentComments(this, documentId, language, user.id);
    this.amendments = new AmendmentStore(documentId, this);
    this.clauseDeletion = new ClauseDeletion(this.editor, this.comments);
    // the saved copy (or, without one, the state over HTTP) first: the socket then sends only the rest
    void loadBeforeConnecting({
      documentId,
      ydoc: this.ydoc,
      savedCopyLoaded: this.persistence.whenSynced,
      serverOrigin: this.provider,
      cancelled: () => this.destroyed,
    }).then(() => {
      if (!this.destroyed) this.provider.connect();
    });
    this.updateCollaborators();
  }

  hasUnsavedChanges(): boolean {
    return this.saved.state !== 'saved';
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CollabState => this.state;

  /** The live events of one type the server sends about this document (ACCORD_EVENT). */
  on: LiveEvents['on'] = (type, listener) => this.events.on(type, listener);

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.saveGate.cancel();
    this.comments.destroy();
    this.amendments.destroy();
    this.stopKeepingStates();
    this.stopOwnAwareness();
    window.removeEventListener('online', this.handleNetworkChange);
    window.removeEventListener('offline', this.handleNetworkChange);
    window.removeEventListener('pagehide', this.flushOfflineCopy);
    document.removeEventListener('visibilitychange', this.flushWhenHidden);
    this.offlineWrites.flush();
    this.offlineWrites.stop();
    this.listeners.clear();
    this.events.clear();
    this.provider.destroy();
    void this.persistence.destroy();
    this.ydoc.destroy();
  }

  private flushOfflineCopy = () => this.offlineWrites.flush();

  private flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') this.offlineWrites.flush();
  };

  private handleNetworkChange = () => {
    // y-websocket only notices a dead link after 30 s of silence; the browser knows sooner
    if (!window.navigator.onLine && this.provider.ws) this.provider.ws.close();
    this.update({});
  };

  /** The user lost access: a local copy of a sensitive draft must not outlive it on this device. */
  private async forgetLocalCopy() {
    this.offlineWrites.stop();
    try {
      await this.persistence.clearData();
    } catch {
      // the database may already be closed; nothing else to do
    }
  }

  private updateCollaborators() {
    const collaborators = collaboratorsOf(this.provider.awareness.getStates(), this.ydoc.clientID);
    if (!sameCollaborators(collaborators, this.state.collaborators)) this.update({ collaborators });
  }

  private actualSave(connection: ConnectionStatus): SaveStatus {
    return this.saved.state === 'saved' ? 'saved' : connection === 'offline' ? 'offline' : 'saving';
  }

  private update(patch: Partial<CollabState>) {
    if (this.destroyed) return;
    const next: CollabState = { ...this.state, ...patch };
    const online = window.navigator.onLine;
    if (this.connected && this.provider.synced) next.connection = 'online';
    else if (this.connected) next.connection = 'syncing';
    else if (!online || this.everConnected || next.failedAttempts > 0 || next.stopped)
      next.connection = 'offline';
    else next.connection = 'connecting';
    const changed = (Object.keys(next) as (keyof CollabState)[]).some(
      (key) => key !== 'save' && next[key] !== this.state[key],
    );
    // the save status alone flips with every keystroke: the gate decides when the page sees it
    next.save = this.saveGate.next(this.state.save, this.actualSave(next.connection), changed);
    if (!changed && next.save === this.state.save) return;
    this.state = next;
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
