import { useErrorMessage } from '../i18n/useErrorMessage';

/** Why an action on a thread or comment failed (nothing while `error` is null). */
export function ActionError({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  if (error === null) return null;
  return (
    <p className="comment-composer__error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
