import { z } from 'zod';

/**
 * The server's configuration, read from the environment once at start-up and validated; nothing
 * else reads `process.env`. Every variable is listed in the README.
 */
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

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
  TRUST_PROXY: bool(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** where the built client is; served from the same port as the API */
  CLIENT_DIST: z.string().optional(),
  LOGIN_MAX_ATTEMPTS: int(10, 1),
  LOGIN_WINDOW_SECONDS: int(900, 1),
  /** scrypt cost N (OWASP: 2^17 with r=8, p=1); tests may lower it to keep suites fast */
  SCRYPT_COST: int(131072, 1024),
  COLLAB_MAX_PAYLOAD_BYTES: int(2 * 1024 * 1024, 1024),
  // a snapshot is one BSON document (16 MiB at most on MongoDB)
  COLLAB_MAX_DOCUMENT_BYTES: int(12 * 1024 * 1024, 1024),
  COLLAB_MAX_CONNECTIONS_PER_USER: int(20, 1),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: int(200, 1),
  COLLAB_MAX_MESSAGES_PER_SECOND: int(200, 1),
  /** group commit: queued updates are written at most this long after they arrive */
  COLLAB_FLUSH_MS: int(20, 1),
  /** fold stored updates into a snapshot once a document has this many */
  COLLAB_COMPACT_AFTER: int(500, 2),
  /** unload a document this long after its last connection closed */
  COLLAB_IDLE_UNLOAD_MS: int(30_000, 0),
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
  trustProxy: boolean;
  logLevel: string;
  clientDist: string | undefined;
  login: { maxAttempts: number; windowMs: number };
  scryptCost: number;
  collab: {
    maxPayloadBytes: number;
    maxDocumentBytes: number;
    maxConnectionsPerUser: number;
    maxConnectionsPerDocument: number;
    maxMessagesPerSecond: number;
    flushMs: number;
    compactAfter: number;
    idleUnloadMs: number;
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
  const publicUrl = e.PUBLIC_URL;
  // same-origin requests are always allowed (security/isAllowedOrigin.ts); these are extra
  const defaultOrigins = publicUrl ? [new URL(publicUrl).origin] : [];
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    sessionSecret: e.SESSION_SECRET,
    sessionCleanupIntervalMs: e.SESSION_CLEANUP_INTERVAL_MS,
    allowedOrigins: e.ALLOWED_ORIGINS
      ? e.ALLOWED_ORIGINS.split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : defaultOrigins,
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    clientDist: e.CLIENT_DIST,
    login: { maxAttempts: e.LOGIN_MAX_ATTEMPTS, windowMs: e.LOGIN_WINDOW_SECONDS * 1000 },
    scryptCost: e.SCRYPT_COST,
    collab: {
      maxPayloadBytes: e.COLLAB_MAX_PAYLOAD_BYTES,
      maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES,
      maxConnectionsPerUser: e.COLLAB_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerDocument: e.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      maxMessagesPerSecond: e.COLLAB_MAX_MESSAGES_PER_SECOND,
      flushMs: e.COLLAB_FLUSH_MS,
      compactAfter: e.COLLAB_COMPACT_AFTER,
      idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
    },
  };
}
