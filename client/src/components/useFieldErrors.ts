import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What is wrong with a field's value, as the field's error message will say it. */
export type FieldProblem =
  { kind: 'required' | 'choose' | 'email' | 'invalid' } | { kind: 'tooShort' | 'tooLong'; count: number };

const isControl = (element: unknown): element is Control =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLSelectElement ||
  element instanceof HTMLTextAreaElement;

/**
 * The problem with a control's value under its own constraints (`required`, `type="email"`,
 * `minLength`, `maxLength`), or null. A text of spaces counts as missing, which the browser
 * does not check.
 */
export function fieldProblem(control: Control): FieldProblem | null {
  if (!control.willValidate) return null;
  const value = control.value;
  if (control instanceof HTMLSelectElement) {
    return control.required && value === '' ? { kind: 'choose' } : null;
  }
  const blank = control.type === 'password' ? value === '' : value.trim() === '';
  if (control.required && blank) return { kind: 'required' };
  if (value === '') return null;
  if (control.validity.typeMismatch) return { kind: control.type === 'email' ? 'email' : 'invalid' };
  if (control.minLength > 0 && value.length < control.minLength) {
    return { kind: 'tooShort', count: control.minLength };
  }
  if (control.maxLength > 0 && value.length > control.maxLength) {
    return { kind: 'tooLong', count: control.maxLength };
  }
  return control.validity.valid ? null : { kind: 'invalid' };
}

/**
 * Accord's own validation messages, in the interface language, instead of the browser's bubbles
 * (which speak the browser's language). Give the form `noValidate` and `onChange`, call
 * `validate(form)` first thing on submit (it shows every problem under its field, focuses the
 * first and says whether to go on), and pass `error(name)` to each field's FormField. Controls are
 * known by their `name`. Once shown, a field's message follows its value as the person types.
 */
export function useFieldErrors() {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<ReadonlyMap<string, FieldProblem>>(new Map());

  const validate = useCallback((form: HTMLFormElement): boolean => {
    const found = new Map<string, FieldProblem>();
    let first: Control | null = null;
    for (const element of Array.from(form.elements)) {
      if (!isControl(element) || !element.name) continue;
      const problem = fieldProblem(element);
      if (!problem) continue;
      found.set(element.name, problem);
      first ??= element;
    }
    setProblems(found);
    first?.focus();
    return found.size === 0;
  }, []);

  const onChange = useCallback((event: FormEvent<HTMLFormElement>) => {
    const control = event.target;
    if (!isControl(control) || !control.name) return;
    const problem = fieldProblem(control);
    setProblems((shown) => {
      if (!shown.has(control.name)) return shown;
      const next = new Map(shown);
      if (problem) next.set(control.name, problem);
      else next.delete(control.name);
      return next;
    });
  }, []);

  const clear = useCallback(() => setProblems(new Map()), []);

  const error = (name: string): string | undefined => {
    const problem = problems.get(name);
    if (!problem) return undefined;
    switch (problem.kind) {
      case 'required':
        return t('validation.required');
      case 'choose':
        return t('validation.choose');
      case 'email':
        return t('validation.email');
      case 'tooShort':
        return t('validation.tooShort', { count: problem.count });
      case 'tooLong':
        return t('validation.tooLong', { count: problem.count });
      case 'invalid':
        return t('validation.invalid');
    }
  };

  return { validate, onChange, clear, error };
}
