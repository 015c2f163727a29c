import type { ErrorCodeValue } from '@accord/shared';
import type { ImportResult } from './importFile.js';

/**
 * What an import worker posts back: the result, or an error: the code of an error the importer
 * named, `too_deep` (a stack overflow) or `failed` (anything else: a bug, logged).
 */
export type ImportWorkerAnswer =
  | { ok: true; result: ImportResult }
  | { ok: false; code: ErrorCodeValue | 'too_deep' | 'failed'; message: string };
