import { useTranslation } from 'react-i18next';
import './versions.css';
import type { DocumentView } from './documentView';

interface DocumentViewNavProps {
  view: DocumentView;
  show(view: DocumentView): void;
}

/** The document page's views: its live text, its versions and publications, a comparison. */
export function DocumentViewNav({ view, show }: DocumentViewNavProps) {
  const { t } = useTranslation();
  const items: { key: DocumentView['name']; label: string; target: DocumentView }[] = [
    { key: 'text', label: t('versions.nav.text'), target: { name: 'text' } },
    { key: 'versions', label: t('versions.nav.versions'), target: { name: 'versions' } },
    { key: 'compare', label: t('versions.nav.compare'), target: { name: 'compare', from: null, to: 'live' } },
  ];
  const current = view.name === 'version' ? 'versions' : view.name;
  return (
    <nav className="view-nav" aria-label={t('versions.nav.label')}>
      {items.map((item) => (
        <a
          key={item.key}
          href={`?${item.key === 'text' ? '' : new URLSearchParams({ view: item.key }).toString()}`}
          className="view-nav__item"
          aria-current={current === item.key ? 'page' : undefined}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
              return;
            event.preventDefault();
            show(item.target);
          }}
        >
          {item.label}
        </a>
      ))}
    </nav>
  );
}
