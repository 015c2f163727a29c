import http from 'node:http';
import type { AccordEvent } from '@accord/shared';
import type { NewUser } from './api.js';

/** A user's live channel (GET /api/events, Server-Sent Events) read the way a browser would. */
export interface UserEventStream {
  status: number;
  events: AccordEvent[];
  /** the server ended the stream */
  ended(): boolean;
  close(): void;
}

/** Opens the user's event stream and resolves once the server has answered its headers. */
export function openUserEvents(baseUrl: string, user: NewUser): Promise<UserEventStream> {
  return new Promise((resolve, reject) => {
    const events: AccordEvent[] = [];
    const request = http.get(
      `${baseUrl}/api/events`,
      { headers: { cookie: user.api.cookie, accept: 'text/event-stream' } },
      (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) events.push(JSON.parse(data) as AccordEvent);
          }
        });
        let ended = false;
        response.on('end', () => (ended = true));
        response.on('error', () => {});
        resolve({
          status: response.statusCode ?? 0,
          events,
          ended: () => ended,
          close: () => request.destroy(),
        });
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}
