import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * The server's configuration, read from the environment once at start-up and validated; nothing
 * else reads `process.env`. Every variable is listed in the README.
 */
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address or CIDR range Express's `trust proxy` understands, or one of its named ranges. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: off, or a list of
 * addresses, CIDR ranges and Express's named ranges. `true` (any client is a proxy) is refused:
 * a client reaching the server directly could then pick its own address.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): false | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (value === 'true' || value === '1' || entries.length === 0 || wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          `name the proxies whose X-Forwarded-* headers to believe (loopback, linklocal, uniquelocal, ` +
          `addresses or CIDR ranges, comma-separated), or false` +
          (wrong.length > 0 ? `; not understood: ${wrong.join(', ')}` : ''),
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  /** 0 picks a free port (tests); the chosen port is logged as `{"msg":"listening","port":…}` */
  PORT: int(3000),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URI'),
  SESSION_SECRET: z.string().min(32, 'at least 32 characters'),
  /** how often expired sessions are deleted from the database (0: never) */
  SESSION_CLEANUP_INTERVAL_MS: int(10 * 60 * 1000),
  /** comma-separated extra origins (besides the server's own) allowed to use the API and sockets */
  ALLOWED_ORIGINS: z.string().optional(),
  /** the public URL (sets Secure cookies when https) */
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** where the built client is; served from the same port as the API */
  CLIENT_DIST: z.string().optional(),
  /** Redis for several instances (changes, awareness and control changes cross over it) */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// URL')
    .optional(),
  COLLAB_RESYNC_INTERVAL_MS: int(10_000, 100),
  /** REST/HTML answers of at least this many bytes are sent compressed (brotli or gzip); 0: never */
  COMPRESS_MIN_BYTES: int(1024),
  LOGIN_MAX_ATTEMPTS: int(10, 1),
  LOGIN_WINDOW_SECONDS: int(900, 1),
  /** failed logins per client IP per window, whatever the emails (a spray across accounts) */
  LOGIN_MAX_ATTEMPTS_PER_IP: int(100, 1),
  /** registrations per client IP per window, whatever their outcome (accounts made in bulk) */
  REGISTRATION_MAX_PER_IP: int(200, 1),
  /**
   * registrations per client IP per window answered 409 email_taken (the answer that says an
   * address has an account); beyond it every registration from that IP waits for the window
   */
  REGISTRATION_TAKEN_MAX_PER_IP: int(10, 1),
  REGISTRATION_WINDOW_SECONDS: int(3600, 1),
  /**
   * password hashes (logins, registrations) computed at once; the rest queue. scrypt runs on
   * libuv's thread pool (4 threads), which file serving and zlib share, and keeps a core busy:
   * by default one core is left to the event loop, and two threads to files
   */
  PASSWORD_HASHING_CONCURRENCY: int(Math.max(1, Math.min(2, availableParallelism() - 1)), 1),
  /** password hashes waiting for a turn; beyond it, 429 with Retry-After */
  PASSWORD_HASHING_QUEUE: int(32, 0),
  /** password hashes one client IP may have running or waiting */
  PASSWORD_HASHING_PER_IP: int(8, 1),
  /**
   * imports (.docx, Markdown) converted at once, each in a worker thread that may take a core and
   * IMPORT_WORKER_MEMORY_MB: by default one core is left to the event loop
   */
  IMPORT_CONCURRENCY: int(Math.max(1, Math.min(2, availableParallelism() - 1)), 1),
  /** imports waiting for a worker; beyond, 429 import_busy with Retry-After */
  IMPORT_QUEUE: int(4, 0),
  /** imports one user may have converting or waiting */
  IMPORT_PER_USER: int(1, 1),
  /** JS heap of one import worker (MiB); a file that needs more is refused (import_too_complex) */
  IMPORT_WORKER_MEMORY_MB: int(384, 16),
  /** time of one import worker; a file that takes longer is refused (import_too_complex) */
  IMPORT_TIMEOUT_SECONDS: int(60, 1),
  /** comments (threads and replies) one user may post on one document per window */
  COMMENT_RATE_MAX: int(30, 1),
  COMMENT_RATE_WINDOW_SECONDS: int(60, 1),
  /** people one user may newly @mention on one document per window (each is a notification) */
  MENTION_RATE_MAX: int(30, 1),
  MENTION_RATE_WINDOW_SECONDS: int(600, 1),
  /** searches (GET /api/search) one user may make per window */
  SEARCH_RATE_MAX: int(60, 1),
  SEARCH_RATE_WINDOW_SECONDS: int(60, 1),
  /** scrypt cost N (OWASP: 2^17 with r=8, p=1); tests may lower it to keep suites fast */
  SCRYPT_COST: int(131072, 1024),
  COLLAB_MAX_PAYLOAD_BYTES: int(2 * 1024 * 1024, 1024),
  // a snapshot is one BSON document (16 MiB at most on MongoDB)
  COLLAB_MAX_DOCUMENT_BYTES: int(12 * 1024 * 1024, 1024),
  COLLAB_MAX_CONNECTIONS_PER_USER: int(20, 1),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: int(200, 1),
  COLLAB_MAX_MESSAGES_PER_SECOND: int(200, 1),
  /** awareness queries one connection may send per second (each answer carries every state) */
  COLLAB_MAX_AWARENESS_QUERIES_PER_SECOND: int(5, 1),
  /** bytes of one client's awareness state (its JSON) */
  COLLAB_MAX_AWARENESS_STATE_BYTES: int(8 * 1024, 256),
  /** bytes a socket may have queued for sending: a client that does not read is closed beyond */
  COLLAB_MAX_SEND_BACKLOG_BYTES: int(4 * 1024 * 1024, 64 * 1024),
  /** bytes of messages one connection may send while its document loads */
  COLLAB_MAX_EARLY_BYTES: int(4 * 1024 * 1024, 1024),
  /** bytes of one connection's updates waiting for content the server does not have */
  COLLAB_MAX_PENDING_BYTES: int(2 * 1024 * 1024, 1024),
  /** group commit: queued updates are written at most this long after they arrive */
  COLLAB_FLUSH_MS: int(20, 1),
  /** fold stored updates into a snapshot once a document has this many */
  COLLAB_COMPACT_AFTER: int(500, 2),
  /** unload a document this long after its last connection closed */
  COLLAB_IDLE_UNLOAD_MS: int(30_000, 0),
  /** smtp:// or smtps:// URL of the mail relay; unset, messages go to the log and /dev/mail */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** the From of every message */
  MAIL_FROM: z.string().trim().min(3).default('Accord <accord@localhost>'),
  /** first retry of a failed delivery after this long; each next one waits twice as long */
  MAIL_RETRY_BASE_MS: int(30_000, 10),
  /** deliveries tried per message before it is given up (logged at error level) */
  MAIL_MAX_ATTEMPTS: int(8, 1),
  /** sent (or given up) messages and their attempts are deleted this long after they were written */
  MAIL_RETENTION_SECONDS: int(30 * 24 * 3600, 1),
  /** how often new notifications are emailed (to those who chose "immediately") */
  NOTIFICATION_MAIL_INTERVAL_MS: int(60_000, 50),
  /** the hour (UTC, 0–23) after which each day's notification digest goes out */
  NOTIFICATION_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** password-reset requests per client IP per window (429 beyond) */
  /** join-link joins per account per window (429 rate_limited beyond) */
  JOIN_LINK_MAX_PER_USER: int(30, 1),
  /** join-link lookups and joins per client IP per window: a workshop room shares one address */
  JOIN_LINK_MAX_PER_IP: int(600, 1),
  JOIN_LINK_WINDOW_SECONDS: int(600, 1),
  PASSWORD_RESET_MAX_PER_IP: int(20, 1),
  /** reset emails sent to one address per window (beyond, the same answer but no email) */
  PASSWORD_RESET_MAX_PER_EMAIL: int(3, 1),
  PASSWORD_RESET_WINDOW_SECONDS: int(3600, 1),
  /** how long a reset link works */
  PASSWORD_RESET_TOKEN_MINUTES: int(60, 1),
  /** a deleted document can be restored this long, then it is purged */
  DELETED_DOCUMENT_RETENTION_SECONDS: int(30 * 24 * 3600, 1),
  /** how often the server purges deleted documents past their retention (FerretDB has no TTL) */
  DELETED_DOCUMENT_PURGE_INTERVAL_SECONDS: int(3600, 1),
});

export type Env = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  mongodbUri: string;
  sessionSecret: string;
  sessionCleanupIntervalMs: number;
  allowedOrigins: readonly string[];
  publicUrl: string | undefined;
  secureCookies: boolean;
  /** false, or the proxies Express's `trust proxy` believes (addresses, CIDRs, named ranges) */
  trustProxy: false | readonly string[];
  logLevel: string;
  clientDist: string | undefined;
  /** several instances share documents over this Redis; none: one instance */
  redisUrl: string | undefined;
  compressMinBytes: number;
  login: { maxAttempts: number; maxAttemptsPerIp: number; windowMs: number };
  registration: { maxPerIp: number; maxTakenPerIp: number; windowMs: number };
  passwordHashing: { concurrency: number; queue: number; perIp: number };
  imports: { concurrency: number; queue: number; perUser: number; memoryMb: number; timeoutMs: number };
  commentRate: { maxComments: number; commentWindowMs: number; maxMentions: number; mentionWindowMs: number };
  /** searches (GET /api/search) per user and window */
  searchRate: { maxSearches: number; windowMs: number };
  scryptCost: number;
  mail: {
    smtpUrl: string | undefined;
    from: string;
    retryBaseMs: number;
    maxAttempts: number;
    retentionMs: number;
    notificationIntervalMs: number;
    digestHourUtc: number;
  };
  passwordReset: { maxPerIp: number; maxPerEmail: number; windowMs: number; tokenMs: number };
  joinLinks: { maxPerUser: number; maxPerIp: number; windowMs: number };
  deletedDocuments: { retentionMs: number; purgeIntervalMs: number };
  collab: {
    maxPayloadBytes: number;
    maxDocumentBytes: number;
    maxConnectionsPerUser: number;
    maxConnectionsPerDocument: number;
    maxMessagesPerSecond: number;
    maxAwarenessQueriesPerSecond: number;
    maxAwarenessStateBytes: number;
    maxSendBacklogBytes: number;
    maxEarlyBytes: number;
    maxPendingBytes: number;
    flushMs: number;
    compactAfter: number;
    idleUnloadMs: number;
    /** how often instances compare their copies of open documents (with REDIS_URL) */
    resyncIntervalMs: number;
  };
}>;

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.SMTP_URL && !e.PUBLIC_URL) {
    // emailed links would otherwise take their origin from the request's Host header
    throw new EnvError('invalid configuration:\n  PUBLIC_URL: required with SMTP_URL in production');
  }
  const publicUrl = e.PUBLIC_URL;
  // same-origin requests are always allowed (security/isAllowedOrigin.ts); these are extra. The
  // public origin is always listed: it also tells the Origin check which scheme the host has
  const publicOrigins = publicUrl ? [new URL(publicUrl).origin] : [];
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    sessionSecret: e.SESSION_SECRET,
    sessionCleanupIntervalMs: e.SESSION_CLEANUP_INTERVAL_MS,
    allowedOrigins: [
      ...new Set([
        ...publicOrigins,
        ...(e.ALLOWED_ORIGINS ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ]),
    ],
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    clientDist: e.CLIENT_DIST,
    redisUrl: e.REDIS_URL,
    compressMinBytes: e.COMPRESS_MIN_BYTES,
    login: {
      maxAttempts: e.LOGIN_MAX_ATTEMPTS,
      maxAttemptsPerIp: e.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowMs: e.LOGIN_WINDOW_SECONDS * 1000,
    },
    registration: {
      maxPerIp: e.REGISTRATION_MAX_PER_IP,
      maxTakenPerIp: e.REGISTRATION_TAKEN_MAX_PER_IP,
      windowMs: e.REGISTRATION_WINDOW_SECONDS * 1000,
    },
    passwordHashing: {
      concurrency: e.PASSWORD_HASHING_CONCURRENCY,
      queue: e.PASSWORD_HASHING_QUEUE,
      perIp: e.PASSWORD_HASHING_PER_IP,
    },
    imports: {
      concurrency: e.IMPORT_CONCURRENCY,
      queue: e.IMPORT_QUEUE,
      perUser: e.IMPORT_PER_USER,
      memoryMb: e.IMPORT_WORKER_MEMORY_MB,
      timeoutMs: e.IMPORT_TIMEOUT_SECONDS * 1000,
    },
    commentRate: {
      maxComments: e.COMMENT_RATE_MAX,
      commentWindowMs: e.COMMENT_RATE_WINDOW_SECONDS * 1000,
      maxMentions: e.MENTION_RATE_MAX,
      mentionWindowMs: e.MENTION_RATE_WINDOW_SECONDS * 1000,
    },
    searchRate: { maxSearches: e.SEARCH_RATE_MAX, windowMs: e.SEARCH_RATE_WINDOW_SECONDS * 1000 },
    scryptCost: e.SCRYPT_COST,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retentionMs: e.MAIL_RETENTION_SECONDS * 1000,
      notificationIntervalMs: e.NOTIFICATION_MAIL_INTERVAL_MS,
      digestHourUtc: e.NOTIFICATION_DIGEST_HOUR_UTC,
    },
    passwordReset: {
      maxPerIp: e.PASSWORD_RESET_MAX_PER_IP,
      maxPerEmail: e.PASSWORD_RESET_MAX_PER_EMAIL,
      windowMs: e.PASSWORD_RESET_WINDOW_SECONDS * 1000,
      tokenMs: e.PASSWORD_RESET_TOKEN_MINUTES * 60_000,
    },
    joinLinks: {
      maxPerUser: e.JOIN_LINK_MAX_PER_USER,
      maxPerIp: e.JOIN_LINK_MAX_PER_IP,
      windowMs: e.JOIN_LINK_WINDOW_SECONDS * 1000,
    },
    deletedDocuments: {
      retentionMs: e.DELETED_DOCUMENT_RETENTION_SECONDS * 1000,
      purgeIntervalMs: e.DELETED_DOCUMENT_PURGE_INTERVAL_SECONDS * 1000,
    },
    collab: {
      maxPayloadBytes: e.COLLAB_MAX_PAYLOAD_BYTES,
      maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES,
      maxConnectionsPerUser: e.COLLAB_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerDocument: e.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      maxMessagesPerSecond: e.COLLAB_MAX_MESSAGES_PER_SECOND,
      maxAwarenessQueriesPerSecond: e.COLLAB_MAX_AWARENESS_QUERIES_PER_SECOND,
      maxAwarenessStateBytes: e.COLLAB_MAX_AWARENESS_STATE_BYTES,
      maxSendBacklogBytes: e.COLLAB_MAX_SEND_BACKLOG_BYTES,
      maxEarlyBytes: e.COLLAB_MAX_EARLY_BYTES,
      maxPendingBytes: e.COLLAB_MAX_PENDING_BYTES,
      flushMs: e.COLLAB_FLUSH_MS,
      compactAfter: e.COLLAB_COMPACT_AFTER,
      idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
      resyncIntervalMs: e.COLLAB_RESYNC_INTERVAL_MS,
    },
  };
}
