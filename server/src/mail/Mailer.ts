import mongoose from 'mongoose';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { MailMessage, type MailKind, type MailMessageRecord } from './MailMessage.js';
import { MailAttempt, MailAttemptOutcome } from './MailAttempt.js';
import { mailKey, sealMail, unsealMail, type MailBody } from './sealMail.js';

export interface OutgoingMail extends MailBody {
  to: string;
  kind: MailKind;
  locale: string;
  subject: string;
}

export interface StoredMail extends OutgoingMail {
  id: string;
  createdAt: Date;
}

/** Messages older than this are not resumed at start-up (their links have expired anyway). */
const RESUME_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The outbox: `send` stores the message (insert-only) and returns; delivery happens afterwards,
 * off the request, through SMTP (SMTP_URL) or, without it, the server log (and /dev/mail). A
 * failed delivery is retried with exponential back-off (MAIL_RETRY_BASE_MS, doubling) up to
 * MAIL_MAX_ATTEMPTS; each attempt is an insert-only claim under `<messageId>:<n>` and an outcome.
 */
export class Mailer {
  private readonly key: Buffer;
  private readonly transport: Transporter | null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly env: Pick<Env, 'mail' | 'sessionSecret'>,
    private readonly logger: Logger,
  ) {
    this.key = mailKey(env.sessionSecret);
    this.transport = env.mail.smtpUrl ? nodemailer.createTransport(env.mail.smtpUrl) : null;
  }

  /** Without SMTP, messages go to the log and the development page shows them. */
  get logsOnly(): boolean {
    return this.transport === null;
  }

  /** Stores the message and schedules its delivery; resolves once it is stored. */
  async send(mail: OutgoingMail): Promise<void> {
    const record = await MailMessage.create({
      to: mail.to,
      kind: mail.kind,
      locale: mail.locale,
      subject: mail.subject,
      sealed: sealMail(this.key, { text: mail.text, html: mail.html }),
      createdAt: new Date(),
    });
    this.track(this.attempt(record.toObject(), 1));
  }

  /** The latest messages to `email` (the development page), newest first. */
  async messagesTo(email: string, limit = 50): Promise<StoredMail[]> {
    const records = await MailMessage.find({ to: email }).sort({ createdAt: -1 }).limit(limit).lean();
    return records.flatMap((record) => {
      const body = unsealMail(this.key, record.sealed);
      if (!body || record.to !== email) return [];
      const { _id, sealed: _sealed, ...rest } = record;
      return [{ ...rest, ...body, id: _id.toHexString() }];
    });
  }

  /** At start-up: carries on delivering recent messages that were neither sent nor given up. */
  async resume(): Promise<void> {
    const since = new Date(Date.now() - RESUME_WINDOW_MS);
    const messages = await MailMessage.find({ createdAt: mongoose.trusted({ $gte: since }) }).lean();
    for (const message of messages) {
      const [attempts, outcomes] = await Promise.all([
        MailAttempt.find({ messageId: message._id }, { n: 1 }).lean(),
        MailAttemptOutcome.find({ messageId: message._id }, { ok: 1 }).lean(),
      ]);
      if (outcomes.some((outcome) => outcome.ok)) continue;
      const next = Math.max(0, ...attempts.map((attempt) => attempt.n)) + 1;
      if (next > this.env.mail.maxAttempts) continue;
      this.track(this.attempt(message, next));
    }
  }

  /** Stops retrying (shutdown) and waits for deliveries in progress. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.inFlight);
    this.transport?.close();
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.logger.error({ err: error }, 'mail delivery failed'));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private async attempt(message: MailMessageRecord, n: number): Promise<void> {
    if (this.closed) return;
    const id = `${message._id.toHexString()}:${n}`;
    try {
      await MailAttempt.create({ _id: id, messageId: message._id, n, at: new Date() });
    } catch (error) {
      // another process claimed this attempt: it sends (or retries) the message
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
    let failure: string | null = null;
    try {
      await this.deliver(message);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    await MailAttemptOutcome.create({
      _id: id,
      messageId: message._id,
      ok: failure === null,
      error: failure,
      at: new Date(),
    });
    const log = { messageId: message._id.toHexString(), kind: message.kind, attempt: n };
    if (failure === null) {
      this.logger.info(log, 'mail sent');
      return;
    }
    if (n >= this.env.mail.maxAttempts) {
      this.logger.error({ ...log, error: failure }, 'mail given up');
      return;
    }
    const delay = this.env.mail.retryBaseMs * 2 ** (n - 1);
    this.logger.warn({ ...log, error: failure, retryInMs: delay }, 'mail delivery failed; will retry');
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(message, n + 1));
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private async deliver(message: MailMessageRecord): Promise<void> {
    const body = unsealMail(this.key, message.sealed);
    if (!body) throw new Error('the message cannot be unsealed (SESSION_SECRET changed?)');
    if (!this.transport) {
      // development without SMTP: the log is the mailbox (and /dev/mail shows it)
      this.logger.info(
        { mail: { to: message.to, subject: message.subject, text: body.text } },
        'mail (no SMTP_URL: not sent)',
      );
      return;
    }
    await this.transport.sendMail({
      from: this.env.mail.from,
      to: message.to,
      subject: message.subject,
      text: body.text,
      html: body.html,
      headers: { 'Content-Language': message.locale === 'pt' ? 'pt-BR' : message.locale },
    });
  }
}
