import type { ImportPreview } from '@accord/shared';
import { ApiError, NETWORK_ERROR } from '../api/ApiError';

export type ImportFormat = 'docx' | 'markdown';

const CONTENT_TYPES: Record<ImportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
};

/** The importer for a file, by its name (browsers often give Markdown no MIME type at all). */
export function importFormatOf(file: File): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return 'docx';
  if (/\.(md|markdown|txt)$/.test(name)) return 'markdown';
  return null;
}

/**
 * POST /api/imports/preview with the file as the request body. XMLHttpRequest rather than fetch:
 * it reports upload progress, which on a slow connection is the difference between waiting and
 * wondering. `onProgress` gets 0…1 while sending, then 'parsing' once the server has it all.
 */
export function uploadImport(
  file: File,
  format: ImportFormat,
  onProgress: (progress: number | 'parsing') => void,
  signal: AbortSignal,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/preview');
    xhr.setRequestHeader('Content-Type', CONTENT_TYPES[format]);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / Math.max(1, event.total));
    };
    xhr.upload.onload = () => onProgress('parsing');
    xhr.onerror = () => reject(new ApiError(NETWORK_ERROR, 0, 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) return resolve(payload as ImportPreview);
      const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      reject(
        new ApiError(
          typeof error?.code === 'string' ? error.code : `http_${xhr.status}`,
          xhr.status,
          typeof error?.message === 'string' ? error.message : xhr.statusText,
        ),
      );
    };
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
