import { Worker } from 'node:worker_threads';
import { ErrorCode } from '@accord/shared';
import { InternalError, type ApiError } from '../../errors/ApiError.js';
import { ImportArchiveTooLarge } from '../../errors/ImportArchiveTooLarge.js';
import { ImportBusy } from '../../errors/ImportBusy.js';
import { ImportInvalidFile } from '../../errors/ImportInvalidFile.js';
import { ImportTooComplex } from '../../errors/ImportTooComplex.js';
import type { Logger } from '../../logger.js';
import { WorkGate } from '../../security/WorkGate.js';
import type { ImportFileFormat, ImportResult } from './importFile.js';
import type { ImportWorkerAnswer } from './ImportWorkerAnswer.js';

export interface ImportWorkersOptions {
  /** imports converted at once, each in its own worker thread */
  concurrency: number;
  /** imports waiting for a worker; beyond, 429 import_busy */
  queue: number;
  /** imports one user may have converting or waiting */
  perUser: number;
  /** a worker's JS heap (V8 old generation); past it the worker is stopped */
  memoryMb: number;
  /** a worker's time; past it the worker is terminated */
  timeoutMs: number;
}

const WORKER = new URL('./importWorker.js', import.meta.url);
/** a refused import may try again after about one conversion's time */
const BUSY_RETRY_SECONDS = 5;

/**
 * Converts uploaded files into documents off the main thread: mammoth takes seconds and hundreds
 * of MiB for a large .docx, which on the main thread stalled every request and socket. Each file
 * gets a fresh worker thread with a heap limit and a time limit (terminated past either: 400
 * import_too_complex), so a hostile or absurd file costs one worker, never the server: a worker
 * that runs out of memory ends alone and its import answers an error. At most `concurrency`
 * workers run (each may take a core and `memoryMb`); `queue` more wait their turn, users taking
 * turns; further imports get 429 import_busy with Retry-After at once.
 */
export class ImportWorkers {
  private readonly gate: WorkGate;

  constructor(
    private readonly options: ImportWorkersOptions,
    private readonly logger: Logger,
  ) {
    this.gate = new WorkGate(
      { concurrency: options.concurrency, queue: options.queue, perClient: options.perUser },
      () => new ImportBusy(BUSY_RETRY_SECONDS),
    );
  }

  /** The document `file` becomes; `signal` (the client went away) skips or stops the work. */
  convert(
    userId: string,
    format: ImportFileFormat,
    file: Buffer,
    signal: AbortSignal,
  ): Promise<ImportResult> {
    return this.gate.run(userId, () => {
      signal.throwIfAborted();
      return this.inWorker(format, file, signal);
    });
  }

  /** imports converting and waiting now (for tests and logs) */
  get load(): { running: number; waiting: number } {
    return this.gate.load;
  }

  private inWorker(format: ImportFileFormat, file: Buffer, signal: AbortSignal): Promise<ImportResult> {
    const { memoryMb, timeoutMs } = this.options;
    const worker = new Worker(WORKER, {
      workerData: { format, file },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    return new Promise<ImportResult>((resolve, reject) => {
      let done = false;
      // the gate's place is freed only once the thread is gone, so workers never overlap
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        worker.terminate().then(settle, settle);
      };
      const fail = (error: unknown) => finish(() => reject(error));
      const timer = setTimeout(() => {
        this.logger.warn({ format, bytes: file.length, timeoutMs }, 'import worker timed out');
        fail(new ImportTooComplex(`The file took longer than ${timeoutMs / 1000} s to import.`));
      }, timeoutMs);
      const onAbort = () => fail(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (answer: ImportWorkerAnswer) => {
        if (answer.ok) finish(() => resolve(answer.result));
        else fail(this.toError(answer, format, file.length));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.logger.warn({ format, bytes: file.length, memoryMb }, 'import worker ran out of memory');
          fail(new ImportTooComplex(`The file needs more than ${memoryMb} MiB of memory to import.`));
        } else {
          this.logger.error({ err: error, format, bytes: file.length }, 'import worker failed');
          fail(new InternalError());
        }
      });
      worker.on('exit', (code) => {
        if (done) return;
        this.logger.error({ code, format, bytes: file.length }, 'import worker exited without an answer');
        fail(new InternalError());
      });
    });
  }

  private toError(
    answer: Extract<ImportWorkerAnswer, { ok: false }>,
    format: string,
    bytes: number,
  ): ApiError {
    switch (answer.code) {
      case ErrorCode.IMPORT_INVALID_FILE:
        return new ImportInvalidFile(answer.message);
      case ErrorCode.IMPORT_ARCHIVE_TOO_LARGE:
        return new ImportArchiveTooLarge(answer.message);
      case ErrorCode.IMPORT_TOO_COMPLEX:
        return new ImportTooComplex(answer.message);
      case 'too_deep':
        return new ImportTooComplex('The file is nested too deeply to import.');
      default:
        this.logger.error({ code: answer.code, message: answer.message, format, bytes }, 'import failed');
        return new InternalError();
    }
  }
}
