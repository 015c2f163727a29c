import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION } from '@accord/shared';

/** The stock y-websocket client as an editor tab opens a document, with the session cookie. */
export function openProvider(
  wsUrl: string,
  cookie: string,
  documentId: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  };
  return new WebsocketProvider(`${wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: Socket as never,
    params: { schema: String(SCHEMA_VERSION) },
    disableBc: true,
  });
}

/** Waits until `check` holds, polling every `everyMs`; throws after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
