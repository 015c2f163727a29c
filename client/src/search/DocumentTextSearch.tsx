import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_QUERY_MAX, type SearchResponse } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { searchApi } from './searchApi';
import { SearchResults } from './SearchResults';
import './search.css';

type State =
  | { status: 'idle' }
  | { status: 'searching'; q: string }
  | { status: 'done'; response: SearchResponse }
  | { status: 'failed'; error: unknown };

/**
 * Search in the text and comments of all one's documents (the title filter of My documents only
 * looks at titles). Sent on Enter or the button, not as one types: each search reads the database.
 */
export function DocumentTextSearch() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });

  useEffect(() => {
    if (state.status !== 'searching') return;
    const controller = new AbortController();
    searchApi
      .search(state.q, controller.signal)
      .then((response) => setState({ status: 'done', response }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [state]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    setState(q ? { status: 'searching', q } : { status: 'idle' });
  };

  return (
    <section className="text-search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-search__title">
        {t('search.across.title')}
      </h2>
      <form role="search" className="text-search__form" onSubmit={submit}>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('search.across.label')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          maxLength={SEARCH_QUERY_MAX}
          placeholder={t('search.across.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" disabled={state.status === 'searching'}>
          {t('search.across.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {state.status === 'searching' && <p className="hint">{t('search.across.searching')}</p>}
        {state.status === 'done' && (
          <p className="hint">
            {state.response.results.length === 0
              ? t('search.across.none', { q: state.response.query })
              : t('search.across.count', { count: state.response.results.length })}
            {state.response.truncated && ` ${t('search.across.truncated')}`}
          </p>
        )}
      </div>
      {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
      {state.status === 'done' && state.response.results.length > 0 && (
        <SearchResults results={state.response.results} />
      )}
    </section>
  );
}
