import session, { type SessionData } from 'express-session';
import type { Collection, Db } from 'mongodb';
import type { Logger } from '../logger.js';

/** A stored session, in the same shape connect-mongo used, so sessions survive the switch. */
interface SessionRecord {
  _id: string;
  /** the session as JSON */
  session: string;
  expires: Date;
  /** when `expires` was last pushed forward (see touchAfterMs) */
  lastModified?: Date;
}

type StoredSession = SessionData & { lastModified?: Date };
type Callback = (error?: unknown) => void;

export interface MongoSessionStoreOptions {
  db: Db;
  logger: Logger;
  collectionName?: string;
  /** lifetime of a session whose cookie has no expiry of its own */
  ttlMs: number;
  /** an unchanged session's expiry is written at most this often */
  touchAfterMs: number;
  /** how often expired sessions are deleted; 0 turns the cleanup off */
  cleanupIntervalMs: number;
}

export class SessionStoreMismatch extends Error {}

/**
 * express-session's store on MongoDB, written for the development database too:
 * - every write is acknowledged. (connect-mongo removes expired sessions with `w: 0`, to which
 *   FerretDB 1.24 replies anyway; the driver then reads that stray reply as the answer to the next
 *   command on the connection, and answers drift from one request to another.)
 * - a session is looked up by `_id` alone, the one filter FerretDB answers from an index; expiry is
 *   checked here.
 * - fail closed: a record that is not the one asked for, or not a session, is an error, never data.
 */
export class MongoSessionStore extends session.Store {
  private readonly collection: Collection<SessionRecord>;
  private readonly timer: NodeJS.Timeout | undefined;
  private cleaning: Promise<void> | null = null;

  constructor(private readonly options: MongoSessionStoreOptions) {
    super();
    this.collection = options.db.collection<SessionRecord>(options.collectionName ?? 'sessions');
    if (options.cleanupIntervalMs > 0) {
      this.timer = setInterval(() => void this.removeExpired(), options.cleanupIntervalMs);
      this.timer.unref();
    }
  }

  override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    this.read(sid).then(
      (data) => callback(null, data),
      (error: unknown) => callback(error),
    );
  }

  private async read(sid: string): Promise<StoredSession | null> {
    const record = await this.collection.findOne({ _id: sid });
    if (!record) return null;
    const data = readRecord(sid, record);
    return record.expires.getTime() > Date.now() ? data : null;
  }

  override set(sid: string, data: SessionData, callback: Callback = noop): void {
    const { lastModified: _ignored, ...rest } = data as StoredSession;
    const record = {
      session: JSON.stringify(rest),
      expires: this.expiresOf(rest),
      lastModified: new Date(),
    };
    this.collection.updateOne({ _id: sid }, { $set: record }, { upsert: true }).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  override touch(sid: string, data: SessionData, callback: Callback = noop): void {
    const lastModified = (data as StoredSession).lastModified;
    const now = new Date();
    if (lastModified && now.getTime() - lastModified.getTime() < this.options.touchAfterMs) {
      callback();
      return;
    }
    this.collection
      .updateOne({ _id: sid }, { $set: { expires: this.expiresOf(data), lastModified: now } })
      .then(
        () => callback(),
        (error: unknown) => callback(error),
      );
  }

  override destroy(sid: string, callback: Callback = noop): void {
    this.collection.deleteOne({ _id: sid }).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /**
   * Ends every session of the user except `exceptSid` (password reset or change). Sessions hold
   * the user id only inside their JSON, so this matches the text passport writes there
   * (`"passport":{"user":"<id>"}`); the id is 24 hex digits, safe in a pattern.
   */
  async destroyUserSessions(userId: string, exceptSid?: string): Promise<number> {
    if (!/^[0-9a-f]{24}$/.test(userId)) throw new Error('not a user id');
    const filter = {
      session: { $regex: `"passport":\\{"user":"${userId}"\\}` },
      ...(exceptSid === undefined ? {} : { _id: { $ne: exceptSid } }),
    };
    const result = await this.collection.deleteMany(filter);
    return result.deletedCount;
  }

  /** Deletes expired sessions (an acknowledged write); one run at a time. */
  removeExpired(): Promise<void> {
    this.cleaning ??= this.collection
      .deleteMany({ expires: { $lt: new Date() } })
      .then(
        (result) => {
          if (result.deletedCount > 0)
            this.options.logger.debug({ deleted: result.deletedCount }, 'expired sessions removed');
        },
        (error: unknown) => this.options.logger.warn({ err: error }, 'removing expired sessions failed'),
      )
      .finally(() => {
        this.cleaning = null;
      });
    return this.cleaning;
  }

  /** Stops the cleanup timer and waits for a cleanup in progress. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.cleaning;
  }

  private expiresOf(data: SessionData): Date {
    const cookieExpires = data.cookie?.expires;
    if (cookieExpires) return new Date(cookieExpires);
    return new Date(Date.now() + this.options.ttlMs);
  }
}

/** The session in a record, checked to be the record asked for and to hold a session. */
function readRecord(sid: string, record: SessionRecord): StoredSession {
  if (record._id !== sid) {
    throw new SessionStoreMismatch('the session store answered with another session');
  }
  if (typeof record.session !== 'string' || !(record.expires instanceof Date)) {
    throw new SessionStoreMismatch('the session store answered with a record that is not a session');
  }
  const parsed: unknown = JSON.parse(record.session);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as SessionData).cookie !== 'object') {
    throw new SessionStoreMismatch('the stored session is not a session');
  }
  const result = parsed as StoredSession;
  if (record.lastModified instanceof Date) result.lastModified = record.lastModified;
  return result;
}

function noop(): void {}
