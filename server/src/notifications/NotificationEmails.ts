import mongoose, { Types } from 'mongoose';
import { groupBy } from '@accord/shared';
import type { NotificationEmailSettings } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/Mailer.js';
import { Notification, type NotificationRecord } from '../models/Notification.js';
import { NotificationRead } from '../models/NotificationRead.js';
import { NotificationMailClaim, NotificationSetting, withDefaults } from '../models/NotificationSetting.js';
import { User } from '../models/User.js';
import { DocumentModel } from '../models/Document.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import {
  notificationDigestMail,
  notificationMail,
  type MailedNotification,
} from '../mail/notificationMail.js';
import { presentedName } from '../queries/formerMembers.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** at most this many new notifications looked at per run */
const BATCH = 500;

export interface NotificationEmailsOptions {
  /** how often new notifications are looked at (and whether the digest is due) */
  intervalMs: number;
  /** the hour (UTC) after which each day's digest goes out */
  digestHourUtc: number;
  /** https://accord.example.org: links in the messages */
  linkBase: string;
}

/**
 * Emails the in-app notifications as each user chose per kind (NotificationSetting): at once, in a
 * daily digest grouped by document, or never. Runs on every instance: a claim record inserted
 * under a unique key before queueing a message makes exactly one instance send it. Messages name
 * the actor, the document's title and a link, never a comment's text.
 */
export class NotificationEmails {
  private timer: NodeJS.Timeout | undefined;
  /** the newest notification looked at (ids grow with time) */
  private after = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000));
  private running: Promise<void> | null = null;

  constructor(
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly options: NotificationEmailsOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: new notifications to send at once, then the digest if it is due. */
  run(): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.sendNew();
        await this.sendDigests(new Date());
      } catch (error) {
        this.logger.error({ err: error }, 'notification emails failed; trying again later');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async sendNew(): Promise<void> {
    const fresh = await Notification.find({ _id: mongoose.trusted({ $gt: this.after }) })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<NotificationRecord[]>();
    if (fresh.length === 0) return;
    this.after = fresh[fresh.length - 1]!._id;
    const settings = await this.settingsOf(fresh.map((n) => n.userId.toHexString()));
    for (const n of fresh) {
      if (settings.get(n.userId.toHexString())?.[n.kind] !== 'immediately') continue;
      if (!(await this.claim(`n:${n._id.toHexString()}`))) continue;
      const user = await User.findById(n.userId, { email: 1, name: 1, locale: 1 }).lean();
      if (!user) continue;
      const [mailed] = await this.describe([n]);
      await this.mailer.send(
        notificationMail({ to: user.email, name: user.name, locale: user.locale, notification: mailed! }),
      );
    }
  }

  /** Once a day after the digest hour: each user's unread notifications of their "daily" kinds. */
  private async sendDigests(now: Date): Promise<void> {
    if (now.getUTCHours() < this.options.digestHourUtc) return;
    const day = now.toISOString().slice(0, 10);
    const since = Types.ObjectId.createFromTime(Math.floor((now.getTime() - DAY_MS) / 1000));
    const recent = await Notification.find({ _id: mongoose.trusted({ $gt: since }) }).lean<
      NotificationRecord[]
    >();
    if (recent.length === 0) return;
    const read = new Set(
      (
        await NotificationRead.find(
          { notificationId: mongoose.trusted({ $in: recent.map((n) => n._id) }) },
          { notificationId: 1 },
        ).lean()
      ).map((r) => r.notificationId.toHexString()),
    );
    const unread = recent.filter((n) => !read.has(n._id.toHexString()));
    const byUser = groupBy(unread, (n) => n.userId.toHexString());
    const settings = await this.settingsOf([...byUser.keys()]);
    for (const [userId, all] of byUser) {
      const chosen = all.filter((n) => settings.get(userId)?.[n.kind] === 'daily');
      if (chosen.length === 0) continue;
      if (!(await this.claim(`d:${userId}:${day}`))) continue;
      const user = await User.findById(userId, { email: 1, name: 1, locale: 1 }).lean();
      if (!user) continue;
      await this.mailer.send(
        notificationDigestMail({
          to: user.email,
          name: user.name,
          locale: user.locale,
          notifications: await this.describe(chosen),
        }),
      );
    }
  }

  private async settingsOf(userIds: string[]): Promise<Map<string, NotificationEmailSettings>> {
    const unique = [...new Set(userIds)];
    const records = await Promise.all(unique.map((id) => NotificationSetting.findById(id).lean()));
    return new Map(unique.map((id, i) => [id, withDefaults(records[i] ?? null)]));
  }

  private async describe(notifications: NotificationRecord[]): Promise<MailedNotification[]> {
    const ids = [...new Set(notifications.map((n) => n.documentId.toHexString()))];
    const documents = await Promise.all(ids.map((id) => DocumentModel.findById(id, { title: 1 }).lean()));
    const titles = new Map(ids.map((id, i) => [id, documents[i]?.title ?? '']));
    return notifications.map((n) => {
      const documentId = n.documentId.toHexString();
      const document = `${this.options.linkBase}/documents/${documentId}`;
      return {
        kind: n.kind,
        actorName: presentedName(n.actorId, n.actorName),
        documentId,
        documentTitle: titles.get(documentId) ?? '',
        ...(n.role ? { role: n.role } : {}),
        // an invitation is answered on My documents (the document opens once accepted)
        link:
          n.kind === 'invited'
            ? `${this.options.linkBase}/documents`
            : n.threadId
              ? `${document}?comment=${n.threadId.toHexString()}`
              : document,
      };
    });
  }

  private async claim(key: string): Promise<boolean> {
    try {
      await NotificationMailClaim.create({ _id: key, createdAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
