import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page-section">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('document.backToDocuments')}</Link>
      </p>
    </section>
  );
}
