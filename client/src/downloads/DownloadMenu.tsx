import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '@accord/shared';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { downloadFile } from './downloadFile';

type FileFormat = ExportFormat | 'csv';

interface DownloadMenuProps<F extends FileFormat> {
  /** what is downloaded, e.g. "Download version 3" (the disclosure's name) */
  label: string;
  /** the formats offered (default: every export format) */
  formats?: readonly F[];
  urlFor(format: F): string;
  /** file name when the server gives none, without extension */
  fallbackName: string;
}

type State =
  | { status: 'idle' }
  | { status: 'preparing'; format: FileFormat }
  | { status: 'done'; name: string }
  | { status: 'failed'; error: unknown };

/**
 * A disclosure listing every export format; choosing one fetches the file with a visible
 * "Preparing PDF…" (exports are rendered on demand and can take a moment), then saves it.
 */
export function DownloadMenu<F extends FileFormat = ExportFormat>({
  label,
  formats = EXPORT_FORMATS as readonly FileFormat[] as readonly F[],
  urlFor,
  fallbackName,
}: DownloadMenuProps<F>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<State>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const download = async (format: F) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'preparing', format });
    try {
      const name = await downloadFile(urlFor(format), `${fallbackName}.${format}`, current.signal);
      setState({ status: 'done', name });
    } catch (error) {
      if (!current.signal.aborted) setState({ status: 'failed', error });
    }
  };

  return (
    <details className="download-menu">
      <summary className="button button--small">{label}</summary>
      <div className="download-menu__body">
        <ul className="download-menu__formats" aria-label={t('versions.download.formats')}>
          {formats.map((format) => (
            <li key={format}>
              <button
                type="button"
                className="button button--small button--quiet"
                disabled={state.status === 'preparing'}
                onClick={() => void download(format)}
              >
                {t(`versions.download.format.${format as FileFormat}`)}
              </button>
            </li>
          ))}
        </ul>
        <div aria-live="polite">
          {state.status === 'preparing' && (
            <LoadingState
              compact
              label={t('versions.download.preparing', {
                format: t(`versions.download.format.${state.format}`),
              })}
            />
          )}
          {state.status === 'done' && (
            <p className="hint">{t('versions.download.done', { name: state.name })}</p>
          )}
        </div>
        {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
      </div>
    </details>
  );
}
