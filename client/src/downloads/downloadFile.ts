import { ApiError, NETWORK_ERROR } from '../api/ApiError';
import { fileNameFromDisposition } from './fileNameFromDisposition';

/**
 * Fetches a file from the API (with the session cookie) and hands it to the browser as a
 * download named as the server says. Fetching first, rather than following a link, lets the page
 * show that the file is being prepared and say clearly when it fails.
 */
export async function downloadFile(url: string, fallbackName: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let code = `http_${response.status}`;
    try {
      const payload = (await response.json()) as { error?: { code?: unknown } };
      if (typeof payload.error?.code === 'string') code = payload.error.code;
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(code, response.status, response.statusText);
  }
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
