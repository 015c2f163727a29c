import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormField, type FieldControlProps } from './FormField';

const input = (field: FieldControlProps) => createElement('input', { ...field, type: 'email' });

/** A field with an email input, rendered to HTML (a .ts test has no JSX: children as a prop). */
function render(props: { label: string; hint?: string; error?: string; describedBy?: string }): string {
  // oxlint-disable-next-line react/no-children-prop
  return renderToStaticMarkup(createElement(FormField, { ...props, children: input }));
}

describe('FormField', () => {
  it('ties the label to the control and describes it with the hint, the error and outside text', () => {
    const html = render({
      label: 'Email',
      hint: 'We never share it',
      error: 'Not an address',
      describedBy: 'form-hint',
    });
    const id = /<label for="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`<input id="${id}" aria-describedby="form-hint ${id}-hint ${id}-error"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(`<p id="${id}-hint" class="hint">We never share it</p>`);
    expect(html).toContain(`<p id="${id}-error" class="hint field__error" role="alert">Not an address</p>`);
  });

  it('describes the control with nothing when there is nothing to say', () => {
    const html = render({ label: 'Name' });
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('aria-invalid');
  });
});
