import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useDateFormat } from '../i18n/useDateFormat';
import { accountApi, type DevMailMessage } from './accountApi';
import { useErrorMessage } from '../i18n/useErrorMessage';
import './account.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; messages: DevMailMessage[] }
  | { status: 'unavailable' }
  | { status: 'failed'; error: unknown };

/** Plain text with its web addresses as links. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="dev-mail__text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/**
 * /dev/mail: without SMTP (a laptop), the messages Accord "sent" to the signed-in user, so every
 * emailed flow can be followed. With SMTP configured the server says there is no such page.
 */
export function DevMailPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dateFormat = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [state, setState] = useState<State>({ status: 'loading' });
  const id = useId();
  useDocumentTitle(t('account.devMailTitle'));

  useEffect(() => {
    const controller = new AbortController();
    accountApi.devMail(controller.signal).then(
      ({ messages }) => setState({ status: 'ready', messages }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && error.code === 'not_found';
        setState(missing ? { status: 'unavailable' } : { status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <section className="page-section dev-mail" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('account.devMailTitle')}</h1>
      <p className="lead">{t('account.devMailIntro')}</p>
      {state.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {state.status === 'unavailable' && <Alert tone="info">{t('account.devMailUnavailable')}</Alert>}
      {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
      {state.status === 'ready' && state.messages.length === 0 && <p>{t('account.devMailEmpty')}</p>}
      {state.status === 'ready' && state.messages.length > 0 && (
        <ol className="dev-mail__list">
          {state.messages.map((message) => (
            <li key={message.id} className="card dev-mail__message">
              <h2 className="dev-mail__subject">{message.subject}</h2>
              <p className="hint">
                <time dateTime={message.sentAt}>{dateFormat.format(new Date(message.sentAt))}</time>
              </p>
              <LinkedText text={message.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
