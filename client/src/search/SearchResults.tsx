import { useTranslation } from 'react-i18next';
import type { SearchDocumentResult } from '@accord/shared';
import { Link } from '../router/Link';
import { Highlighted } from './Highlighted';

const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

/** Documents found by a search, each with its title and snippets linking to where they are. */
export function SearchResults({ results }: { results: SearchDocumentResult[] }) {
  const { t } = useTranslation();
  return (
    <ol className="search-results" data-testid="search-results">
      {results.map((result) => (
        <li key={result.id} className="search-results__document">
          <h3 className="search-results__title">
            <Link to={documentPath(result.id)}>
              <Highlighted text={result.title} match={result.titleMatch} />
            </Link>
            {result.archived && <span className="badge">{t('search.across.archived')}</span>}
          </h3>
          <ul className="search-results__hits">
            {result.textHits.map((hit, i) => (
              <li key={`t${i}`}>
                <Link
                  to={
                    hit.clauseId
                      ? `${documentPath(result.id)}?clause=${encodeURIComponent(hit.clauseId)}`
                      : documentPath(result.id)
                  }
                >
                  {hit.heading && <span className="search-results__where">{hit.heading}: </span>}
                  <Highlighted
                    text={hit.snippet}
                    match={hit.match}
                    cutBefore={hit.cutBefore}
                    cutAfter={hit.cutAfter}
                  />
                </Link>
              </li>
            ))}
            {result.moreText && <li className="hint">{t('search.across.moreText')}</li>}
            {result.commentHits.map((hit) => (
              <li key={hit.commentId}>
                <Link to={`${documentPath(result.id)}?comment=${encodeURIComponent(hit.threadId)}`}>
                  <span className="search-results__where">
                    {t('search.across.commentBy', { name: hit.authorName })}:{' '}
                  </span>
                  <Highlighted
                    text={hit.snippet}
                    match={hit.match}
                    cutBefore={hit.cutBefore}
                    cutAfter={hit.cutAfter}
                  />
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
