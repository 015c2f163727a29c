import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  detectDocumentLanguage,
  Limits,
  type DocumentKind,
  type DocumentLanguage,
  type ImportPreview,
} from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { DocumentLanguageSelect } from '../components/DocumentLanguageSelect';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { navigate } from '../router/navigate';
import { previewOutline } from './previewOutline';
import { textOfContent } from './textOfContent';
import { importFormatOf, uploadImport } from './uploadImport';
import './import.css';

type Step =
  | { step: 'idle' }
  | { step: 'uploading'; file: string; progress: number | 'parsing' }
  | { step: 'preview'; file: string; preview: ImportPreview }
  | { step: 'creating'; file: string; preview: ImportPreview };

const COUNTED = [
  'chapters',
  'articles',
  'paragraphs',
  'points',
  'objectives',
  'actions',
  'annexes',
  'recitals',
] as const;

/**
 * "Import a .docx or Markdown file": upload → preview of the detected structure (title, counts,
 * outline, warnings) → create the document from the previewed content, or cancel.
 */
export function ImportDocument({ language: initialLanguage }: { language: DocumentLanguage }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<DocumentLanguage>(initialLanguage);
  const [detectedLanguage, setDetectedLanguage] = useState<DocumentLanguage | null>(null);
  const controller = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  const hasPreview = state.step === 'preview' || state.step === 'creating';
  // the preview is a modal dialog: wide enough for an outline, and it keeps focus while open
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (hasPreview && !element.open) {
      element.showModal();
      previewHeading.current?.focus();
    } else if (!hasPreview && element.open) element.close();
  }, [hasPreview]);

  const preview = state.step === 'preview' || state.step === 'creating' ? state.preview : null;
  const outline = useMemo(() => (preview ? previewOutline(preview.json, language) : []), [preview, language]);
  const kind: DocumentKind = preview && preview.summary.counts.objectives > 0 ? 'action_plan' : 'agreement';

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    setLanguage(initialLanguage);
    const format = importFormatOf(file);
    if (!format) return setError(new ApiError('import_invalid_file', 0, 'not a .docx or Markdown file'));
    if (file.size > Limits.importBytes) return setError(new ApiError('import_too_large', 413, 'too large'));
    if (file.size === 0) return setError(new ApiError('import_invalid_file', 0, 'empty file'));
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: 'uploading', file: file.name, progress: 0 });
    try {
      const result = await uploadImport(
        file,
        format,
        (progress) => setState({ step: 'uploading', file: file.name, progress }),
        abort.signal,
      );
      setTitle(result.summary.title || file.name.replace(/\.[^.]+$/, ''));
      // the language the text is written in, when its words tell (the person can change it)
      const detected = detectDocumentLanguage(textOfContent(result.json));
      setDetectedLanguage(detected);
      setLanguage(detected ?? initialLanguage);
      setState({ step: 'preview', file: file.name, preview: result });
    } catch (caught) {
      if (abort.signal.aborted) return;
      setError(caught);
      setState({ step: 'idle' });
    }
  };

  const cancel = () => {
    controller.current?.abort();
    setState({ step: 'idle' });
    setError(null);
    fileInput.current?.focus();
  };

  const create = async () => {
    if (!preview || !title.trim()) return;
    setState({ step: 'creating', file: state.step === 'preview' ? state.file : '', preview });
    setError(null);
    try {
      const { document } = await accordApi.createDocument({
        title: title.trim(),
        kind,
        language,
        content: preview.json as { type: 'doc'; content: { type: string }[] },
      });
      navigate(`/documents/${document.id}`);
    } catch (caught) {
      setError(caught);
      setState({ step: 'preview', file: state.step === 'preview' ? state.file : '', preview });
    }
  };

  const busy = state.step === 'uploading' || state.step === 'creating';
  const percent =
    state.step === 'uploading' && state.progress !== 'parsing' ? Math.round(state.progress * 100) : null;

  return (
    <div className="import" data-testid="import" aria-busy={busy}>
      {!preview && (
        <div className="import__start">
          <p className="import__or" aria-hidden="true">
            <span>{t('structure.import.or')}</span>
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            className="import__input visually-hidden"
            accept=".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain"
            aria-describedby={`${id}-hint`}
            disabled={busy}
            onChange={onFile}
          />
          <label htmlFor={`${id}-file`} className="button import__choose" aria-disabled={busy || undefined}>
            {t('structure.import.choose')}
          </label>
          <p id={`${id}-hint`} className="hint">
            {t('structure.import.hint', { size: Math.round(Limits.importBytes / (1024 * 1024)) })}
          </p>
        </div>
      )}

      {state.step === 'uploading' && (
        <div className="import__progress" role="status" aria-live="polite">
          <p>
            {state.progress === 'parsing'
              ? t('structure.import.parsing', { file: state.file })
              : t('structure.import.uploading', { file: state.file, percent: percent ?? 0 })}
          </p>
          <progress max={100} value={percent ?? undefined} aria-label={t('structure.import.progressLabel')} />
          <button type="button" className="button button--quiet" onClick={cancel}>
            {t('structure.import.cancel')}
          </button>
        </div>
      )}

      {error !== null && !preview && <Alert tone="error">{errorMessage(error)}</Alert>}

      <dialog
        ref={dialog}
        className="import__dialog"
        aria-labelledby={`${id}-preview`}
        onCancel={(event) => {
          event.preventDefault();
          if (state.step !== 'creating') cancel();
        }}
      >
        {preview && (
          <section className="import__preview" data-testid="import-preview">
            <h3 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
              {t('structure.import.previewTitle', {
                file: state.step === 'preview' || state.step === 'creating' ? state.file : '',
              })}
            </h3>
            <p className="hint">{t('structure.import.previewIntro')}</p>
            <FormField label={t('structure.import.titleLabel')}>
              {(field) => (
                <input
                  {...field}
                  required
                  maxLength={Limits.titleMax}
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                />
              )}
            </FormField>
            <div className="field-row">
              <div className="field">
                <span className="import__label">{t('structure.import.kind')}</span>
                <span>{t(`documentKinds.${kind}`)}</span>
              </div>
              <FormField
                label={t('documents.languageLabel')}
                hint={
                  detectedLanguage
                    ? t('structure.import.languageDetected', {
                        language: t(`documentLanguages.${detectedLanguage}`),
                      })
                    : t('structure.import.languageNotDetected')
                }
              >
                {(field) => (
                  <DocumentLanguageSelect
                    id={field.id}
                    value={language}
                    onChange={setLanguage}
                    aria-describedby={field['aria-describedby']}
                  />
                )}
              </FormField>
            </div>
            <dl className="import__counts" data-testid="import-counts">
              {COUNTED.filter((key) => preview.summary.counts[key] > 0).map((key) => (
                <div key={key}>
                  <dt>{t(`structure.import.counts.${key}`)}</dt>
                  <dd>{preview.summary.counts[key]}</dd>
                </div>
              ))}
            </dl>
            {preview.summary.warnings.length > 0 && (
              <div className="alert alert--warning" role="status">
                <p>
                  <strong>
                    {t('structure.import.warnings', { count: preview.summary.warnings.length })}
                  </strong>
                </p>
                <ul className="import__warnings">
                  {preview.summary.warnings.map((warning, index) => (
                    <li key={index}>{warning}</li>
                  ))}
                </ul>
              </div>
            )}
            {outline.length > 0 ? (
              <>
                <h4 className="import__outline-title" id={`${id}-outline`}>
                  {t('structure.import.outline')}
                </h4>
                <ol
                  className="import__outline"
                  aria-labelledby={`${id}-outline`}
                  data-testid="import-outline"
                >
                  {outline.map((entry, index) => (
                    <li
                      key={entry.clauseId || index}
                      className={`import__entry import__entry--${entry.kind}`}
                      style={{ paddingLeft: `${(entry.level - 1) * 1.1}rem` }}
                    >
                      <span className="import__entry-label">{entry.label}</span>{' '}
                      <span>{entry.heading || t('structure.outline.untitled')}</span>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p className="hint">{t('structure.import.noStructure')}</p>
            )}
            <div className="import__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={state.step === 'creating' || !title.trim()}
                onClick={create}
              >
                {state.step === 'creating' ? t('documents.creating') : t('structure.import.create')}
              </button>
              <button type="button" className="button" disabled={state.step === 'creating'} onClick={cancel}>
                {t('structure.import.cancel')}
              </button>
            </div>
            {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
          </section>
        )}
      </dialog>
    </div>
  );
}
