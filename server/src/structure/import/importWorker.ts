import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../errors/ApiError.js';
import { importFile, type ImportFileFormat } from './importFile.js';
import type { ImportWorkerAnswer } from './ImportWorkerAnswer.js';

/**
 * The entry of an import worker (a thread with its own heap, started by ImportWorkers for one
 * file): converts the file and posts one ImportWorkerAnswer. Errors the importer names (a damaged
 * file) go back with their code; a stack overflow (absurd nesting) is the file's fault too.
 */
const { format, file } = workerData as { format: ImportFileFormat; file: Uint8Array };

async function run(): Promise<ImportWorkerAnswer> {
  try {
    const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    return { ok: true, result: await importFile(format, buffer) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof RangeError) return { ok: false, code: 'too_deep', message: error.message };
    return { ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.postMessage(await run());
