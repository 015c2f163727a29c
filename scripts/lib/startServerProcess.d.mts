export interface StartServerProcessOptions {
  mongodbUri: string;
  sessionSecret: string;
  /** 'test' for the tests, 'production' for the benchmarks */
  nodeEnv: string;
  /** extra environment variables for the server (override the defaults) */
  env?: Record<string, string>;
  /** extra node arguments before server/dist/main.js (e.g. --cpu-prof) */
  nodeArgs?: string[];
  /** keep everything the server writes (tests); otherwise only until it listens (benchmarks) */
  keepLogs?: boolean;
  /** how long stop() waits after SIGTERM before SIGKILL; default 30 s */
  stopTimeoutMs?: number;
}

export interface ServerProcess {
  port: number;
  url: string;
  wsUrl: string;
  /** what the server wrote to stdout and stderr (see `keepLogs`) */
  logs(): string;
  /** SIGTERM (graceful: flushes every document), then waits for the process to exit */
  stop(): Promise<void>;
  /** SIGKILL (a crash), then waits for the process to exit */
  kill(): Promise<void>;
  /** exit code and signal, once the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServerProcess(options: StartServerProcessOptions): Promise<ServerProcess>;
