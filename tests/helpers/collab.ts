import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION } from '@accord/shared';

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A ws WebSocket class that sends the session cookie (and optionally an Origin) on upgrade. */
function socketClass(cookie: string | null, origin?: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (origin) headers.origin = origin;
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
}

export interface ProviderOptions {
  schema?: string | null;
  origin?: string;
  connect?: boolean;
  /** more URL parameters (e.g. `lowData: '1'`) */
  params?: Record<string, string>;
}

/** The stock y-websocket client, as an editor tab would open a document. */
export function openProvider(
  wsUrl: string,
  cookie: string | null,
  documentId: string,
  ydoc = new Y.Doc(),
  options: ProviderOptions = {},
): WebsocketProvider {
  const schema = options.schema === undefined ? String(SCHEMA_VERSION) : options.schema;
  return new WebsocketProvider(`${wsUrl}/collab`, documentId, ydoc, {
    WebSocketPolyfill: socketClass(cookie, options.origin) as never,
    params: { ...(schema === null ? {} : { schema }), ...options.params },
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 500,
  });
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => provider.synced, 'provider to sync', timeoutMs);
}

/** Appends a paragraph to the editor's XmlFragment `default`, as Tiptap stores text. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

/**
 * The texts of the top-level paragraphs of the XmlFragment `default` (as appendParagraph writes
 * them). A new document starts from a template (a title and an empty paragraph for "blank"):
 * the title and empty paragraphs are not listed.
 */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((node) =>
      node
        .toArray()
        .map((t) => t.toString())
        .join(''),
    )
    .filter((text) => text !== '');
}

export interface RawSocket {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  messages: Uint8Array[];
}

/** A bare WebSocket to the collaboration endpoint, for sending hand-made bytes. */
export function openRawSocket(
  wsUrl: string,
  cookie: string | null,
  documentId: string,
  options: { origin?: string; query?: string } = {},
): Promise<RawSocket> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = new WebSocket(`${wsUrl}/collab/${documentId}${options.query ?? ''}`, { headers });
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed, messages }));
    socket.once('unexpected-response', (_req, res) => reject(new UpgradeRefused(res.statusCode ?? 0)));
    socket.once('error', (error) => reject(error));
  });
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}
