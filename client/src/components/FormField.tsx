import { useId, type ReactNode } from 'react';

/** What the field hands its control: spread it on the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormFieldProps {
  label: ReactNode;
  /** shown under the control and read with it */
  hint?: ReactNode;
  /** what is wrong with the value, read with the control too */
  error?: ReactNode;
  /** ids of descriptions outside the field that also describe it (a form-wide hint) */
  describedBy?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * One labelled form field: the label tied to its control, the hint and error under it, and both
 * named in the control's `aria-describedby`.
 */
export function FormField({ label, hint, error, describedBy, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (described) control['aria-describedby'] = described;
  if (error) control['aria-invalid'] = true;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="hint field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
