import { pino, type Logger } from 'pino';
import type { Env } from './env.js';

export type { Logger };

/** JSON lines on stdout; the test helpers read `{"msg":"listening","port":…}` from them. */
export function createLogger(env: Pick<Env, 'logLevel'>): Logger {
  return pino({
    level: env.logLevel,
    base: undefined,
    redact: ['req.headers.cookie', 'password', '*.password'],
  });
}
