import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
  receivedAt: number;
}

export interface SmtpInbox {
  /** smtp://127.0.0.1:<port> for the server's SMTP_URL */
  url: string;
  messages: ReceivedMail[];
  /** the next `count` deliveries are refused with a temporary error (451) */
  refuseNext(count: number): void;
  /** deliveries refused so far */
  refused: number;
  /** resolves with the first message (already received or arriving within `timeoutMs`) that matches */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free loopback port that keeps what it receives (smtp-server). */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const waiters = new Set<() => void>();
  let toRefuse = 0;
  const inbox: SmtpInbox = {
    url: '',
    messages: [],
    refused: 0,
    refuseNext(count) {
      toRefuse = count;
    },
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = inbox.messages.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching mail within ${timeoutMs} ms (${inbox.messages.length} received)`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (toRefuse > 0) {
        toRefuse--;
        inbox.refused++;
        stream.resume();
        stream.on('end', () => {
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          callback(error);
        });
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          inbox.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: parsed.headers.get('content-language') as string | undefined,
            receivedAt: Date.now(),
          });
          for (const wake of waiters) wake();
          waiters.clear();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inbox.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return inbox;
}

/** The first link in a message's text that starts with `base`. */
export function linkIn(mail: ReceivedMail, base: string): string {
  const match = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(base));
  if (!match) throw new Error(`no link to ${base} in: ${mail.text}`);
  return match;
}
